package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.ResponseOptions;
import falcon.routing.StaticRoute;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LazyMediaTypesTest {

    @Test
    void readsAsTheDefaultTable() {
        Map<String, String> types = new ResponseOptions().staticMediaTypes;
        assertThat(types).isEqualTo(StaticRoute.defaultStaticMediaTypes());
        assertThat(types.hashCode()).isEqualTo(StaticRoute.defaultStaticMediaTypes().hashCode());
        assertThat(types.get(".css")).isEqualTo("text/css");
        assertThat(types.containsKey(".html")).isTrue();
        assertThat(new HashMap<>(types)).isEqualTo(StaticRoute.defaultStaticMediaTypes());
    }

    @Test
    void changesApplyToThisMapOnly() {
        Map<String, String> mine = new ResponseOptions().staticMediaTypes;
        Map<String, String> other = new ResponseOptions().staticMediaTypes;
        int size = mine.size();
        assertThat(mine.put(".falcon", "text/x-falcon")).isNull();
        assertThat(mine.remove(".css")).isEqualTo("text/css");
        assertThat(mine).containsEntry(".falcon", "text/x-falcon").doesNotContainKey(".css").hasSize(size);
        mine.entrySet().removeIf(e -> e.getKey().equals(".html"));
        assertThat(mine).doesNotContainKey(".html");
        assertThat(other).containsEntry(".css", "text/css").containsKey(".html").doesNotContainKey(".falcon");
        assertThat(StaticRoute.defaultStaticMediaTypes()).containsKey(".css").doesNotContainKey(".falcon");
        mine.clear();
        assertThat(mine).isEmpty();
    }
}
