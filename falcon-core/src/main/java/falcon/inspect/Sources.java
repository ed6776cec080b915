package falcon.inspect;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a class or method is defined, as {@code path/File.java:line}, read from the class file:
 * its {@code SourceFile} attribute and its methods' line number tables. A method's line is its
 * first statement's; a class's is its earliest method's, which for most classes is the line of
 * the class declaration (where javac puts the default constructor) or just below it.
 *
 * <p>Falcon's {@code _get_source_info}, which asks Python for the file and line of the {@code
 * def}. What the JVM cannot tell (no class file, no debug information) is {@code [unknown file]},
 * as Falcon says.
 */
final class Sources {

    static final String UNKNOWN = "[unknown file]";

    private Sources() {
    }

    /** Returns where {@code m} is defined. */
    static String of(Method m) {
        ClassData data = read(m.getDeclaringClass());
        if (data == null) {
            return UNKNOWN;
        }
        Integer line = data.methodLines.get(m.getName() + descriptor(m));
        return line == null ? data.file : data.file + ":" + line;
    }

    /** Returns where {@code type} is defined; for a lambda, the file of the class that holds it. */
    static String of(Class<?> type) {
        if (Names.isLambda(type)) {
            String name = type.getName();
            int cut = name.indexOf("$$Lambda");
            if (cut > 0) {
                try {
                    Class<?> host = Class.forName(name.substring(0, cut), false, type.getClassLoader());
                    ClassData data = read(host);
                    return data == null ? UNKNOWN : data.file;
                } catch (ClassNotFoundException | LinkageError ex) {
                    return UNKNOWN;
                }
            }
            return UNKNOWN;
        }
        ClassData data = read(type);
        if (data == null) {
            return UNKNOWN;
        }
        return data.firstLine == Integer.MAX_VALUE ? data.file : data.file + ":" + data.firstLine;
    }

    private static final class ClassData {
        String file;
        int firstLine = Integer.MAX_VALUE;
        final Map<String, Integer> methodLines = new HashMap<>();
    }

    private static ClassData read(Class<?> type) {
        String name = type.getName();
        String resource = name.substring(name.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return parse(new DataInputStream(in), type);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    /** Reads the parts of a class file (JVMS §4) that say where things are. */
    private static ClassData parse(DataInputStream in, Class<?> type) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return null;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1:
                    utf8[i] = in.readUTF();
                    break;
                case 5:
                case 6:
                    in.skipBytes(8);
                    i++; // longs and doubles take two slots
                    break;
                case 3:
                case 4:
                case 9:
                case 10:
                case 11:
                case 12:
                case 17:
                case 18:
                    in.skipBytes(4);
                    break;
                case 15:
                    in.skipBytes(3);
                    break;
                case 7:
                case 8:
                case 16:
                case 19:
                case 20:
                    in.skipBytes(2);
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipBytes(6);
        in.skipBytes(2 * in.readUnsignedShort());
        ClassData data = new ClassData();
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.skipBytes(2);
            String methodName = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            int line = Integer.MAX_VALUE;
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (!"Code".equals(attribute)) {
                    in.skipBytes(length);
                    continue;
                }
                in.skipBytes(4);
                in.skipBytes(in.readInt());
                in.skipBytes(8 * in.readUnsignedShort());
                int codeAttributes = in.readUnsignedShort();
                for (int c = 0; c < codeAttributes; c++) {
                    String codeAttribute = utf8[in.readUnsignedShort()];
                    int codeLength = in.readInt();
                    if (!"LineNumberTable".equals(codeAttribute)) {
                        in.skipBytes(codeLength);
                        continue;
                    }
                    int entries = in.readUnsignedShort();
                    for (int e = 0; e < entries; e++) {
                        in.skipBytes(2);
                        line = Math.min(line, in.readUnsignedShort());
                    }
                }
            }
            if (line != Integer.MAX_VALUE) {
                data.methodLines.put(methodName + descriptor, line);
                if (!methodName.equals("<clinit>")) {
                    data.firstLine = Math.min(data.firstLine, line);
                }
            }
        }
        String sourceFile = null;
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attribute = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("SourceFile".equals(attribute)) {
                sourceFile = utf8[in.readUnsignedShort()];
            } else {
                in.skipBytes(length);
            }
        }
        if (sourceFile == null) {
            String simple = type.getName().substring(type.getName().lastIndexOf('.') + 1);
            int nested = simple.indexOf('$');
            sourceFile = (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
        }
        String pkg = type.getPackageName();
        data.file = pkg.isEmpty() ? sourceFile : pkg.replace('.', '/') + "/" + sourceFile;
        return data;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }

    /** The JVM descriptor of a method, e.g. {@code (Lfalcon/Request;Lfalcon/Response;I)V}. */
    static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(descriptor(p));
        }
        return sb.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        } else if (type.isPrimitive()) {
            return type == int.class ? "I" : type == long.class ? "J" : type == boolean.class ? "Z"
                    : type == byte.class ? "B" : type == char.class ? "C" : type == short.class ? "S"
                    : type == float.class ? "F" : type == double.class ? "D" : "V";
        }
        return "L" + type.getName().replace('.', '/') + ";";
    }
}
