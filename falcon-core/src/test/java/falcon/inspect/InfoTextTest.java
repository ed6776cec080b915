package falcon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every inspected item prints as the plain StringVisitor prints it, and a visitor that does not
 * handle an item refuses it.
 *
 * <p>NOTE: InspectVisitor's default visit methods survive "replaced return value with null" as
 * equivalent: each throws before it could return.
 */
class InfoTextTest {

    @Test
    void everyItemPrintsAsThePlainVisitor() {
        App app = InspectTest.fullApp(false);
        AppInfo info = Inspect.inspectApp(app);
        List<Traversable> items = new ArrayList<>();
        MiddlewareInfo middleware = info.middleware();
        items.add(middleware);
        items.add(middleware.middlewareTree());
        items.addAll(middleware.middlewareTree().request());
        items.addAll(middleware.middlewareClasses());
        for (MiddlewareClassInfo c : middleware.middlewareClasses()) {
            items.addAll(c.methods());
        }
        items.addAll(info.errorHandlers());
        assertThat(middleware.middlewareTree().request()).isNotEmpty();
        assertThat(middleware.middlewareClasses()).isNotEmpty();
        assertThat(info.errorHandlers()).isNotEmpty();
        StringVisitor plain = new StringVisitor(false, false);
        for (Traversable item : items) {
            assertThat(item.toString()).as(item.getClass().getSimpleName()).isNotBlank()
                    .isEqualTo(plain.process(item));
        }
        MiddlewareMethodInfo method = middleware.middlewareClasses().get(0).methods().get(0);
        assertThat(method.internal()).isFalse();
        assertThat(method.toString()).contains(method.functionName());
        ErrorHandlerInfo handler = info.errorHandlers().get(0);
        assertThat(handler.toString()).contains(handler.error());
    }

    @Test
    void aVisitorRefusesWhatItDoesNotVisit() {
        AppInfo info = Inspect.inspectApp(InspectTest.fullApp(false));
        InspectVisitor<String> none = new InspectVisitor<>() { };
        List<Traversable> items = new ArrayList<>();
        items.add(info);
        items.addAll(info.routes());
        items.add(info.routes().get(0).methods().get(0));
        items.addAll(info.staticRoutes());
        items.addAll(info.sinks());
        items.addAll(info.errorHandlers());
        items.add(info.middleware());
        items.add(info.middleware().middlewareTree());
        items.add(info.middleware().middlewareTree().request().get(0));
        items.add(info.middleware().middlewareClasses().get(0));
        items.add(info.middleware().middlewareClasses().get(0).methods().get(0));
        for (Traversable item : items) {
            assertThatThrownBy(() -> none.process(item)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("This visitor does not support " + item.getClass());
        }
    }
}
