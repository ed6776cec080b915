package falcon.testing.junit;

import falcon.App;
import falcon.gateway.Handler;
import falcon.testing.Conductor;
import falcon.testing.TestClient;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link FalconTest}: resolves parameters of type {@link TestClient},
 * {@link Conductor} and {@link App} of test methods (and of {@code @BeforeEach} methods), all on
 * one App per test method, and closes the conductor after the test.
 *
 * <p>Use it through {@link FalconTest}, or with {@code @ExtendWith(FalconExtension.class)} and a
 * {@link TestApp} member.
 */
public class FalconExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FalconExtension.class);

    /** Creates the extension; JUnit makes it from {@link FalconTest}'s {@code @ExtendWith}. */
    public FalconExtension() {
    }

    /**
     * Tells JUnit which parameters this extension gives.
     *
     * @param parameter the parameter to resolve
     * @param context the test's context
     * @return {@code true} for a {@link TestClient}, {@link Conductor} or {@link App} parameter of
     *     a test method (not of a constructor or a class-level method: each test has its own App)
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return (type == TestClient.class || type == Conductor.class || type == App.class)
                && parameter.getDeclaringExecutable() instanceof java.lang.reflect.Method
                && context.getTestMethod().isPresent();
    }

    /**
     * Gives the client, conductor or App of the current test method, making it on first use.
     *
     * @param parameter the parameter to resolve
     * @param context the test's context
     * @return the client, conductor or App
     * @throws ParameterResolutionException when no App can be found or built, or an {@code App}
     *     parameter is asked for while the test's handler is not an App
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Handler app = store.getOrComputeIfAbsent(Handler.class, k -> findApp(context), Handler.class);
        if (type == App.class) {
            if (!(app instanceof App)) {
                throw new ParameterResolutionException("the test's handler is a " + app.getClass().getName()
                        + ", not a falcon.App");
            }
            return app;
        }
        TestClient client = store.getOrComputeIfAbsent(TestClient.class, k -> new TestClient(app), TestClient.class);
        if (type == TestClient.class) {
            return client;
        }
        return store.getOrComputeIfAbsent(Conductor.class, k -> client.conductor(), Conductor.class);
    }

    /**
     * Closes the test's conductor, if it had one: the App's {@code processShutdown} runs.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Conductor conductor = context.getStore(NAMESPACE).remove(Conductor.class, Conductor.class);
        if (conductor != null) {
            conductor.close();
        }
    }

    private static Handler findApp(ExtensionContext context) {
        // Innermost instance first: a @Nested class may build its own App.
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        for (int i = instances.size() - 1; i >= 0; i--) {
            Object instance = instances.get(i);
            for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                Handler found = fromMembers(c, instance);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            FalconTest annotation = c.getAnnotation(FalconTest.class);
            if (annotation != null && annotation.value() != void.class) {
                return build(annotation.value());
            }
        }
        throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                + " has no @TestApp field or method and no @FalconTest(SomeClass.class) naming the App");
    }

    private static Handler fromMembers(Class<?> c, Object instance) {
        for (Field field : c.getDeclaredFields()) {
            if (field.isAnnotationPresent(TestApp.class)) {
                field.setAccessible(true);
                try {
                    return handler(field.get(Modifier.isStatic(field.getModifiers()) ? null : instance),
                            "@TestApp field " + c.getName() + "." + field.getName());
                } catch (IllegalAccessException ex) {
                    throw new ExtensionConfigurationException("cannot read @TestApp field " + field, ex);
                }
            }
        }
        for (Method method : c.getDeclaredMethods()) {
            if (method.isAnnotationPresent(TestApp.class)) {
                if (method.getParameterCount() != 0) {
                    throw new ExtensionConfigurationException("@TestApp method " + c.getName() + "."
                            + method.getName() + " must take no parameters");
                }
                return handler(invoke(method, Modifier.isStatic(method.getModifiers()) ? null : instance),
                        "@TestApp method " + c.getName() + "." + method.getName());
            }
        }
        return null;
    }

    private static Handler build(Class<?> type) {
        if (Handler.class.isAssignableFrom(type)) {
            try {
                return (Handler) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException ex) {
                throw new ExtensionConfigurationException("cannot create " + type.getName()
                        + " with a public constructor taking no arguments", ex);
            }
        }
        Method createApp;
        try {
            createApp = type.getMethod("createApp");
        } catch (NoSuchMethodException ex) {
            throw new ExtensionConfigurationException("@FalconTest(" + type.getName() + ".class): "
                    + type.getName() + " has no public static createApp() and is not an App", ex);
        }
        if (!Modifier.isStatic(createApp.getModifiers())) {
            throw new ExtensionConfigurationException(type.getName() + ".createApp() must be static");
        }
        return handler(invoke(createApp, null), type.getName() + ".createApp()");
    }

    private static Object invoke(Method method, Object target) {
        method.setAccessible(true);
        try {
            return method.invoke(target);
        } catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new ExtensionConfigurationException(method + " failed", cause);
        } catch (IllegalAccessException ex) {
            throw new ExtensionConfigurationException("cannot call " + method, ex);
        }
    }

    private static Handler handler(Object value, String source) {
        if (!(value instanceof Handler)) {
            throw new ExtensionConfigurationException(source + " gave "
                    + (value == null ? "null" : "a " + value.getClass().getName()) + ", not an App or Handler");
        }
        return (Handler) value;
    }
}
