package falcon.routing;

import java.util.List;

/** Placeholder: replaced by the responder binding. */
public final class MethodMap {
    /** Binds. */
    public static MethodMap bind(Object resource, String suffix, String uriTemplate, List<Field> fields) {
        return new MethodMap();
    }
}
