package falcon;

import java.nio.charset.StandardCharsets;

/**
 * HTTP status line constants and conversions between status lines and codes.
 *
 * <p>Every constant of Falcon 3.1's {@code status_codes.py} is here under the same names
 * ({@code HTTP_404} and its alias {@code HTTP_NOT_FOUND}), including the undocumented novelty
 * {@code 7xx} lines, plus Falcon 4's {@link #HTTP_421}. A responder sets one with
 * {@code resp.setStatus(Status.HTTP_CREATED)}.
 *
 * <p>Falcon: {@code falcon.status_codes}, {@code falcon.http_status_to_code},
 * {@code falcon.code_to_http_status}.
 */
public final class Status {

    /** {@value}. */
    public static final String HTTP_100 = "100 Continue";
    /** Alias of {@link #HTTP_100}: {@value}. */
    public static final String HTTP_CONTINUE = HTTP_100;
    /** {@value}. */
    public static final String HTTP_101 = "101 Switching Protocols";
    /** Alias of {@link #HTTP_101}: {@value}. */
    public static final String HTTP_SWITCHING_PROTOCOLS = HTTP_101;
    /** {@value}. */
    public static final String HTTP_102 = "102 Processing";
    /** Alias of {@link #HTTP_102}: {@value}. */
    public static final String HTTP_PROCESSING = HTTP_102;
    /** {@value}. */
    public static final String HTTP_200 = "200 OK";
    /** Alias of {@link #HTTP_200}: {@value}. */
    public static final String HTTP_OK = HTTP_200;
    /** {@value}. */
    public static final String HTTP_201 = "201 Created";
    /** Alias of {@link #HTTP_201}: {@value}. */
    public static final String HTTP_CREATED = HTTP_201;
    /** {@value}. */
    public static final String HTTP_202 = "202 Accepted";
    /** Alias of {@link #HTTP_202}: {@value}. */
    public static final String HTTP_ACCEPTED = HTTP_202;
    /** {@value}. */
    public static final String HTTP_203 = "203 Non-Authoritative Information";
    /** Alias of {@link #HTTP_203}: {@value}. */
    public static final String HTTP_NON_AUTHORITATIVE_INFORMATION = HTTP_203;
    /** {@value}. */
    public static final String HTTP_204 = "204 No Content";
    /** Alias of {@link #HTTP_204}: {@value}. */
    public static final String HTTP_NO_CONTENT = HTTP_204;
    /** {@value}. */
    public static final String HTTP_205 = "205 Reset Content";
    /** Alias of {@link #HTTP_205}: {@value}. */
    public static final String HTTP_RESET_CONTENT = HTTP_205;
    /** {@value}. */
    public static final String HTTP_206 = "206 Partial Content";
    /** Alias of {@link #HTTP_206}: {@value}. */
    public static final String HTTP_PARTIAL_CONTENT = HTTP_206;
    /** {@value}. */
    public static final String HTTP_207 = "207 Multi-Status";
    /** Alias of {@link #HTTP_207}: {@value}. */
    public static final String HTTP_MULTI_STATUS = HTTP_207;
    /** {@value}. */
    public static final String HTTP_208 = "208 Already Reported";
    /** Alias of {@link #HTTP_208}: {@value}. */
    public static final String HTTP_ALREADY_REPORTED = HTTP_208;
    /** {@value}. */
    public static final String HTTP_226 = "226 IM Used";
    /** Alias of {@link #HTTP_226}: {@value}. */
    public static final String HTTP_IM_USED = HTTP_226;
    /** {@value}. */
    public static final String HTTP_300 = "300 Multiple Choices";
    /** Alias of {@link #HTTP_300}: {@value}. */
    public static final String HTTP_MULTIPLE_CHOICES = HTTP_300;
    /** {@value}. */
    public static final String HTTP_301 = "301 Moved Permanently";
    /** Alias of {@link #HTTP_301}: {@value}. */
    public static final String HTTP_MOVED_PERMANENTLY = HTTP_301;
    /** {@value}. */
    public static final String HTTP_302 = "302 Found";
    /** Alias of {@link #HTTP_302}: {@value}. */
    public static final String HTTP_FOUND = HTTP_302;
    /** {@value}. */
    public static final String HTTP_303 = "303 See Other";
    /** Alias of {@link #HTTP_303}: {@value}. */
    public static final String HTTP_SEE_OTHER = HTTP_303;
    /** {@value}. */
    public static final String HTTP_304 = "304 Not Modified";
    /** Alias of {@link #HTTP_304}: {@value}. */
    public static final String HTTP_NOT_MODIFIED = HTTP_304;
    /** {@value}. */
    public static final String HTTP_305 = "305 Use Proxy";
    /** Alias of {@link #HTTP_305}: {@value}. */
    public static final String HTTP_USE_PROXY = HTTP_305;
    /** {@value}. */
    public static final String HTTP_307 = "307 Temporary Redirect";
    /** Alias of {@link #HTTP_307}: {@value}. */
    public static final String HTTP_TEMPORARY_REDIRECT = HTTP_307;
    /** {@value}. */
    public static final String HTTP_308 = "308 Permanent Redirect";
    /** Alias of {@link #HTTP_308}: {@value}. */
    public static final String HTTP_PERMANENT_REDIRECT = HTTP_308;
    /** {@value}. */
    public static final String HTTP_400 = "400 Bad Request";
    /** Alias of {@link #HTTP_400}: {@value}. */
    public static final String HTTP_BAD_REQUEST = HTTP_400;
    /** {@value}. */
    public static final String HTTP_401 = "401 Unauthorized";
    /** Alias of {@link #HTTP_401}: {@value}. */
    public static final String HTTP_UNAUTHORIZED = HTTP_401;
    /** {@value}. */
    public static final String HTTP_402 = "402 Payment Required";
    /** Alias of {@link #HTTP_402}: {@value}. */
    public static final String HTTP_PAYMENT_REQUIRED = HTTP_402;
    /** {@value}. */
    public static final String HTTP_403 = "403 Forbidden";
    /** Alias of {@link #HTTP_403}: {@value}. */
    public static final String HTTP_FORBIDDEN = HTTP_403;
    /** {@value}. */
    public static final String HTTP_404 = "404 Not Found";
    /** Alias of {@link #HTTP_404}: {@value}. */
    public static final String HTTP_NOT_FOUND = HTTP_404;
    /** {@value}. */
    public static final String HTTP_405 = "405 Method Not Allowed";
    /** Alias of {@link #HTTP_405}: {@value}. */
    public static final String HTTP_METHOD_NOT_ALLOWED = HTTP_405;
    /** {@value}. */
    public static final String HTTP_406 = "406 Not Acceptable";
    /** Alias of {@link #HTTP_406}: {@value}. */
    public static final String HTTP_NOT_ACCEPTABLE = HTTP_406;
    /** {@value}. */
    public static final String HTTP_407 = "407 Proxy Authentication Required";
    /** Alias of {@link #HTTP_407}: {@value}. */
    public static final String HTTP_PROXY_AUTHENTICATION_REQUIRED = HTTP_407;
    /** {@value}. */
    public static final String HTTP_408 = "408 Request Timeout";
    /** Alias of {@link #HTTP_408}: {@value}. */
    public static final String HTTP_REQUEST_TIMEOUT = HTTP_408;
    /** {@value}. */
    public static final String HTTP_409 = "409 Conflict";
    /** Alias of {@link #HTTP_409}: {@value}. */
    public static final String HTTP_CONFLICT = HTTP_409;
    /** {@value}. */
    public static final String HTTP_410 = "410 Gone";
    /** Alias of {@link #HTTP_410}: {@value}. */
    public static final String HTTP_GONE = HTTP_410;
    /** {@value}. */
    public static final String HTTP_411 = "411 Length Required";
    /** Alias of {@link #HTTP_411}: {@value}. */
    public static final String HTTP_LENGTH_REQUIRED = HTTP_411;
    /** {@value}. */
    public static final String HTTP_412 = "412 Precondition Failed";
    /** Alias of {@link #HTTP_412}: {@value}. */
    public static final String HTTP_PRECONDITION_FAILED = HTTP_412;
    /** {@value}. */
    public static final String HTTP_413 = "413 Payload Too Large";
    /** Alias of {@link #HTTP_413}: {@value}. */
    public static final String HTTP_REQUEST_ENTITY_TOO_LARGE = HTTP_413;
    /** {@value}. */
    public static final String HTTP_414 = "414 URI Too Long";
    /** Alias of {@link #HTTP_414}: {@value}. */
    public static final String HTTP_REQUEST_URI_TOO_LONG = HTTP_414;
    /** {@value}. */
    public static final String HTTP_415 = "415 Unsupported Media Type";
    /** Alias of {@link #HTTP_415}: {@value}. */
    public static final String HTTP_UNSUPPORTED_MEDIA_TYPE = HTTP_415;
    /** {@value}. */
    public static final String HTTP_416 = "416 Range Not Satisfiable";
    /** Alias of {@link #HTTP_416}: {@value}. */
    public static final String HTTP_REQUESTED_RANGE_NOT_SATISFIABLE = HTTP_416;
    /** {@value}. */
    public static final String HTTP_417 = "417 Expectation Failed";
    /** Alias of {@link #HTTP_417}: {@value}. */
    public static final String HTTP_EXPECTATION_FAILED = HTTP_417;
    /** {@value}. */
    public static final String HTTP_418 = "418 I'm a teapot";
    /** Alias of {@link #HTTP_418}: {@value}. */
    public static final String HTTP_IM_A_TEAPOT = HTTP_418;
    /** {@value}. Falcon 4 addition. */
    public static final String HTTP_421 = "421 Misdirected Request";
    /** Alias of {@link #HTTP_421}: {@value}. */
    public static final String HTTP_MISDIRECTED_REQUEST = HTTP_421;
    /** {@value}. */
    public static final String HTTP_422 = "422 Unprocessable Entity";
    /** Alias of {@link #HTTP_422}: {@value}. */
    public static final String HTTP_UNPROCESSABLE_ENTITY = HTTP_422;
    /** {@value}. */
    public static final String HTTP_423 = "423 Locked";
    /** Alias of {@link #HTTP_423}: {@value}. */
    public static final String HTTP_LOCKED = HTTP_423;
    /** {@value}. */
    public static final String HTTP_424 = "424 Failed Dependency";
    /** Alias of {@link #HTTP_424}: {@value}. */
    public static final String HTTP_FAILED_DEPENDENCY = HTTP_424;
    /** {@value}. */
    public static final String HTTP_426 = "426 Upgrade Required";
    /** Alias of {@link #HTTP_426}: {@value}. */
    public static final String HTTP_UPGRADE_REQUIRED = HTTP_426;
    /** {@value}. */
    public static final String HTTP_428 = "428 Precondition Required";
    /** Alias of {@link #HTTP_428}: {@value}. */
    public static final String HTTP_PRECONDITION_REQUIRED = HTTP_428;
    /** {@value}. */
    public static final String HTTP_429 = "429 Too Many Requests";
    /** Alias of {@link #HTTP_429}: {@value}. */
    public static final String HTTP_TOO_MANY_REQUESTS = HTTP_429;
    /** {@value}. */
    public static final String HTTP_431 = "431 Request Header Fields Too Large";
    /** Alias of {@link #HTTP_431}: {@value}. */
    public static final String HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE = HTTP_431;
    /** {@value}. */
    public static final String HTTP_451 = "451 Unavailable For Legal Reasons";
    /** Alias of {@link #HTTP_451}: {@value}. */
    public static final String HTTP_UNAVAILABLE_FOR_LEGAL_REASONS = HTTP_451;
    /** {@value}. */
    public static final String HTTP_500 = "500 Internal Server Error";
    /** Alias of {@link #HTTP_500}: {@value}. */
    public static final String HTTP_INTERNAL_SERVER_ERROR = HTTP_500;
    /** {@value}. */
    public static final String HTTP_501 = "501 Not Implemented";
    /** Alias of {@link #HTTP_501}: {@value}. */
    public static final String HTTP_NOT_IMPLEMENTED = HTTP_501;
    /** {@value}. */
    public static final String HTTP_502 = "502 Bad Gateway";
    /** Alias of {@link #HTTP_502}: {@value}. */
    public static final String HTTP_BAD_GATEWAY = HTTP_502;
    /** {@value}. */
    public static final String HTTP_503 = "503 Service Unavailable";
    /** Alias of {@link #HTTP_503}: {@value}. */
    public static final String HTTP_SERVICE_UNAVAILABLE = HTTP_503;
    /** {@value}. */
    public static final String HTTP_504 = "504 Gateway Timeout";
    /** Alias of {@link #HTTP_504}: {@value}. */
    public static final String HTTP_GATEWAY_TIMEOUT = HTTP_504;
    /** {@value}. */
    public static final String HTTP_505 = "505 HTTP Version Not Supported";
    /** Alias of {@link #HTTP_505}: {@value}. */
    public static final String HTTP_HTTP_VERSION_NOT_SUPPORTED = HTTP_505;
    /** {@value}. */
    public static final String HTTP_507 = "507 Insufficient Storage";
    /** Alias of {@link #HTTP_507}: {@value}. */
    public static final String HTTP_INSUFFICIENT_STORAGE = HTTP_507;
    /** {@value}. */
    public static final String HTTP_508 = "508 Loop Detected";
    /** Alias of {@link #HTTP_508}: {@value}. */
    public static final String HTTP_LOOP_DETECTED = HTTP_508;
    /** {@value}. */
    public static final String HTTP_511 = "511 Network Authentication Required";
    /** Alias of {@link #HTTP_511}: {@value}. */
    public static final String HTTP_NETWORK_AUTHENTICATION_REQUIRED = HTTP_511;
    /** {@value}. */
    public static final String HTTP_701 = "701 Meh";
    /** {@value}. */
    public static final String HTTP_702 = "702 Emacs";
    /** {@value}. */
    public static final String HTTP_703 = "703 Explosion";
    /** {@value}. */
    public static final String HTTP_710 = "710 PHP";
    /** {@value}. */
    public static final String HTTP_711 = "711 Convenience Store";
    /** {@value}. */
    public static final String HTTP_712 = "712 NoSQL";
    /** {@value}. */
    public static final String HTTP_719 = "719 I am not a teapot";
    /** {@value}. */
    public static final String HTTP_720 = "720 Unpossible";
    /** {@value}. */
    public static final String HTTP_721 = "721 Known Unknowns";
    /** {@value}. */
    public static final String HTTP_722 = "722 Unknown Unknowns";
    /** {@value}. */
    public static final String HTTP_723 = "723 Tricky";
    /** {@value}. */
    public static final String HTTP_724 = "724 This line should be unreachable";
    /** {@value}. */
    public static final String HTTP_725 = "725 It works on my machine";
    /** {@value}. */
    public static final String HTTP_726 = "726 It's a feature, not a bug";
    /** {@value}. */
    public static final String HTTP_727 = "727 32 bits is plenty";
    /** {@value}. */
    public static final String HTTP_740 = "740 Computer says no";
    /** {@value}. */
    public static final String HTTP_741 = "741 Compiling";
    /** {@value}. */
    public static final String HTTP_742 = "742 A kitten dies";
    /** {@value}. */
    public static final String HTTP_743 = "743 I thought I knew regular expressions";
    /** {@value}. */
    public static final String HTTP_744 = "744 Y U NO write integration tests?";
    /** {@value}. */
    public static final String HTTP_745 = "745 I don't always test my code, but when I doI do it in production";
    /** {@value}. */
    public static final String HTTP_748 = "748 Confounded by Ponies";
    /** {@value}. */
    public static final String HTTP_749 = "749 Reserved for Chuck Norris";
    /** {@value}. */
    public static final String HTTP_750 = "750 Didn't bother to compile it";
    /** {@value}. */
    public static final String HTTP_753 = "753 Syntax Error";
    /** {@value}. */
    public static final String HTTP_754 = "754 Too many semi-colons";
    /** {@value}. */
    public static final String HTTP_755 = "755 Not enough semi-colons";
    /** {@value}. */
    public static final String HTTP_759 = "759 Unexpected T_PAAMAYIM_NEKUDOTAYIM";
    /** {@value}. */
    public static final String HTTP_771 = "771 Cached for too long";
    /** {@value}. */
    public static final String HTTP_772 = "772 Not cached long enough";
    /** {@value}. */
    public static final String HTTP_773 = "773 Not cached at all";
    /** {@value}. */
    public static final String HTTP_774 = "774 Why was this cached?";
    /** {@value}. */
    public static final String HTTP_776 = "776 Error on the Exception";
    /** {@value}. */
    public static final String HTTP_777 = "777 Coincidence";
    /** {@value}. */
    public static final String HTTP_778 = "778 Off By One Error";
    /** {@value}. */
    public static final String HTTP_779 = "779 Off By Too Many To Count Error";
    /** {@value}. */
    public static final String HTTP_780 = "780 Project owner not responding";
    /** {@value}. */
    public static final String HTTP_781 = "781 Operations";
    /** {@value}. */
    public static final String HTTP_782 = "782 QA";
    /** {@value}. */
    public static final String HTTP_783 = "783 It was a customer request, honestly";
    /** {@value}. */
    public static final String HTTP_784 = "784 Management, obviously";
    /** {@value}. */
    public static final String HTTP_785 = "785 TPS Cover Sheet not attached";
    /** {@value}. */
    public static final String HTTP_786 = "786 Try it now";
    /** {@value}. */
    public static final String HTTP_791 = "791 The Internet shut down due to copyright restrictions";
    /** {@value}. */
    public static final String HTTP_792 = "792 Climate change driven catastrophic weather event";
    /** {@value}. */
    public static final String HTTP_797 = "797 This is the last page of the Internet. Go back";
    /** {@value}. */
    public static final String HTTP_799 = "799 End of the world";

    /** Reason phrase Falcon uses for a code it has no constant for. */
    private static final String DEFAULT_REASON = "Unknown";

    /** Lowest code {@link #codeToHttpStatus(int)} accepts. */
    private static final int MIN_CODE = 100;

    /** Highest code {@link #codeToHttpStatus(int)} accepts. */
    private static final int MAX_CODE = 999;

    // PERF: one status line per code 100..999, built once, so codeToHttpStatus is an array
    // read and never allocates (Falcon puts an LRU cache in front of the same lookup).
    private static final String[] LINES = new String[MAX_CODE + 1];

    // Which codes Falcon has a constant for; LINES holds "NNN Unknown" for the others.
    private static final boolean[] KNOWN = new boolean[MAX_CODE + 1];

    // PERF: the reason phrase of each line in LINES, so a response's reason is an array read.
    private static final String[] REASONS = new String[MAX_CODE + 1];

    static {
        String[] known = {
            HTTP_100, HTTP_101, HTTP_102, HTTP_200, HTTP_201, HTTP_202, HTTP_203, HTTP_204, HTTP_205,
            HTTP_206, HTTP_207, HTTP_208, HTTP_226, HTTP_300, HTTP_301, HTTP_302, HTTP_303, HTTP_304,
            HTTP_305, HTTP_307, HTTP_308, HTTP_400, HTTP_401, HTTP_402, HTTP_403, HTTP_404, HTTP_405,
            HTTP_406, HTTP_407, HTTP_408, HTTP_409, HTTP_410, HTTP_411, HTTP_412, HTTP_413, HTTP_414,
            HTTP_415, HTTP_416, HTTP_417, HTTP_418, HTTP_421, HTTP_422, HTTP_423, HTTP_424, HTTP_426,
            HTTP_428, HTTP_429, HTTP_431, HTTP_451, HTTP_500, HTTP_501, HTTP_502, HTTP_503, HTTP_504,
            HTTP_505, HTTP_507, HTTP_508, HTTP_511, HTTP_701, HTTP_702, HTTP_703, HTTP_710, HTTP_711,
            HTTP_712, HTTP_719, HTTP_720, HTTP_721, HTTP_722, HTTP_723, HTTP_724, HTTP_725, HTTP_726,
            HTTP_727, HTTP_740, HTTP_741, HTTP_742, HTTP_743, HTTP_744, HTTP_745, HTTP_748, HTTP_749,
            HTTP_750, HTTP_753, HTTP_754, HTTP_755, HTTP_759, HTTP_771, HTTP_772, HTTP_773, HTTP_774,
            HTTP_776, HTTP_777, HTTP_778, HTTP_779, HTTP_780, HTTP_781, HTTP_782, HTTP_783, HTTP_784,
            HTTP_785, HTTP_786, HTTP_791, HTTP_792, HTTP_797, HTTP_799
        };
        for (String line : known) {
            int code = Integer.parseInt(line.substring(0, 3));
            LINES[code] = line;
            KNOWN[code] = true;
        }
        for (int code = MIN_CODE; code <= MAX_CODE; code++) {
            if (LINES[code] == null) {
                LINES[code] = code + " " + DEFAULT_REASON;
            }
            REASONS[code] = LINES[code].substring(4);
        }
    }

    private Status() {
    }

    /**
     * Returns the numeric code of a status given as an {@code Integer} or a status line.
     *
     * <p>An {@code Integer} is returned as is (Falcon does not range-check ints here); a
     * {@code String} (or UTF-8 {@code byte[]}) must start with three digits, such as
     * {@code "404 Not Found"} or {@code "404"}.
     *
     * <p>Falcon: {@code falcon.http_status_to_code}.
     *
     * @param status an {@code Integer}, a {@code String} or a {@code byte[]} status line
     * @return the three-digit code
     * @throws IllegalArgumentException if {@code status} is of another type, shorter than three
     *     characters or does not start with a three-digit integer
     */
    public static int httpStatusToCode(Object status) {
        if (status instanceof Integer code) {
            return code;
        }
        if (status instanceof String line) {
            return httpStatusToCode(line);
        }
        if (status instanceof byte[] bytes) {
            return httpStatusToCode(new String(bytes, StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("status must be an Integer, String or byte[]");
    }

    /**
     * Returns the numeric code of a status line such as {@code "404 Not Found"} or {@code "404"}.
     *
     * <p>Falcon: {@code falcon.http_status_to_code}.
     *
     * @param status the status line
     * @return the three-digit code
     * @throws IllegalArgumentException if {@code status} is shorter than three characters or
     *     does not start with a three-digit integer
     */
    public static int httpStatusToCode(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status must be an Integer, String or byte[]");
        }
        if (status.length() < 3) {
            throw new IllegalArgumentException("status strings must be at least three characters long");
        }
        // NOTE: Python's int() would also take " 40" or "+40"; a status line never looks like
        // that, so only three ASCII digits are accepted.
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("status strings must start with a three-digit integer");
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /**
     * Returns the status line for a code, such as {@code "404 Not Found"}.
     *
     * <p>A code without a Falcon constant gets the reason {@code "Unknown"}:
     * {@code codeToHttpStatus(599)} is {@code "599 Unknown"}.
     *
     * <p>Falcon: {@code falcon.code_to_http_status}.
     *
     * @param code a code from 100 to 999
     * @return the status line; never {@code null}
     * @throws IllegalArgumentException if {@code code} lies outside 100..999
     */
    public static String codeToHttpStatus(int code) {
        if (code < MIN_CODE || code > MAX_CODE) {
            throw new IllegalArgumentException(code + " is not a valid status code");
        }
        return LINES[code];
    }

    /**
     * Returns the status line for a code or passes a status line through unchanged.
     *
     * <p>A {@code String} is returned as is and a {@code byte[]} is decoded as UTF-8, as Falcon
     * does; an {@code Integer}, {@code Long} or {@code Short} goes through
     * {@link #codeToHttpStatus(int)}.
     *
     * <p>Falcon: {@code falcon.code_to_http_status}.
     *
     * @param status a code, a status line, or {@code null}
     * @return the status line
     * @throws IllegalArgumentException if {@code status} is {@code null}, of another type, or a
     *     code outside 100..999
     */
    public static String codeToHttpStatus(Object status) {
        if (status instanceof String line) {
            return line;
        }
        if (status instanceof Integer || status instanceof Long || status instanceof Short) {
            long code = ((Number) status).longValue();
            if (code < MIN_CODE || code > MAX_CODE) {
                throw new IllegalArgumentException(status + " is not a valid status code");
            }
            return LINES[(int) code];
        }
        if (status instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException(status + " is not a valid status code");
    }

    /**
     * Returns the reason phrase Falcon knows for a code, such as {@code "Not Found"} for 404.
     *
     * @param code the status code
     * @return the reason phrase, or {@code null} if Falcon has no constant for {@code code}
     */
    public static String reasonPhrase(int code) {
        if (code < MIN_CODE || code > MAX_CODE || !KNOWN[code]) {
            return null;
        }
        return REASONS[code];
    }

    /**
     * Returns the reason phrase of a status line ({@code "OK"} of {@code "200 OK"}), or {@code ""}
     * when it has none. A line equal to the one this class has for its code costs no allocation.
     */
    static String reasonOf(String line) {
        int n = line.length();
        if (n <= 4) {
            return "";
        }
        char a = line.charAt(0);
        char b = line.charAt(1);
        char c = line.charAt(2);
        if (a >= '1' && a <= '9' && b >= '0' && b <= '9' && c >= '0' && c <= '9') {
            int code = (a - '0') * 100 + (b - '0') * 10 + (c - '0');
            if (LINES[code].equals(line)) { // the same String object for the constants: no scan
                return REASONS[code];
            }
        }
        return line.substring(4);
    }

    /**
     * Tells whether Falcon has a constant for {@code code}.
     *
     * @param code the status code
     * @return {@code true} for codes such as 200 or 404; {@code false} for 599 or 42
     */
    public static boolean isKnown(int code) {
        return code >= MIN_CODE && code <= MAX_CODE && KNOWN[code];
    }
}
