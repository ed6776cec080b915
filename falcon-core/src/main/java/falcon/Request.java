package falcon;

/** Placeholder. */
public class Request {
}
