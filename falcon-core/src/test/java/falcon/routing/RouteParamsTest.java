package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The params a hook or sink sees: a Map over the route's arrays, positions kept stable. */
class RouteParamsTest {

    private static RouteParams of(String... namesAndValues) {
        int n = namesAndValues.length / 2;
        String[] names = new String[n];
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            names[i] = namesAndValues[2 * i];
            values[i] = namesAndValues[2 * i + 1];
        }
        return new RouteParams(names, values, n);
    }

    @Test
    void emptyParamsHaveNoEntries() {
        RouteParams params = new RouteParams();
        assertThat(params).isEmpty();
        assertThat(params.indexOf("id")).isEqualTo(-1);
        assertThat(params.get("id")).isNull();
        assertThat(params.containsKey("id")).isFalse();
        assertThat(params.entrySet()).isEmpty();
        assertThat(params.entrySet().iterator().hasNext()).isFalse();
    }

    @Test
    void readsTheArraysInTemplateOrder() {
        RouteParams params = of("user", "ann", "id", "7");
        assertThat(params.size()).isEqualTo(2);
        assertThat(params.indexOf("user")).isZero();
        assertThat(params.indexOf("id")).isEqualTo(1);
        assertThat(params.nameAt(1)).isEqualTo("id");
        assertThat(params.valueAt(1)).isEqualTo("7");
        assertThat(params.get("user")).isEqualTo("ann");
        assertThat(params.containsKey("id")).isTrue();
        assertThat(params.containsKey("user")).isTrue();
        assertThat(new ArrayList<>(params.keySet())).containsExactly("user", "id");
        assertThat(params).isEqualTo(Map.of("user", "ann", "id", "7"));
    }

    @Test
    void onlyTheEntriesInUseAreVisible() {
        RouteParams params = new RouteParams(new String[] {"a", "b", "c"}, new Object[] {1, 2, 3}, 2);
        assertThat(params.size()).isEqualTo(2);
        assertThat(params.indexOf("c")).isEqualTo(-1);
        assertThat(params.get("c")).isNull();
        assertThat(params.entrySet()).hasSize(2);
        assertThat(new ArrayList<>(params.values())).containsExactly(1, 2);
    }

    @Test
    void keysThatAreNotStringsAreAbsent() {
        RouteParams params = of("1", "one");
        assertThat(params.containsKey(1)).isFalse();
        assertThat(params.get(1)).isNull();
        assertThat(params.remove(1)).isNull();
        assertThat(params.get("1")).isEqualTo("one");
    }

    @Test
    void putReplacesAnExistingValueInPlace() {
        RouteParams params = of("id", "7", "name", "x");
        assertThat(params.put("id", 8)).isEqualTo("7");
        assertThat(params.valueAt(0)).isEqualTo(8);
        assertThat(params.size()).isEqualTo(2);
    }

    @Test
    void putAddsNewFieldsAfterTheTemplatesAndGrows() {
        RouteParams params = new RouteParams();
        for (int i = 0; i < 9; i++) {
            assertThat(params.put("k" + i, i)).isNull();
            assertThat(params.size()).isEqualTo(i + 1);
        }
        for (int i = 0; i < 9; i++) {
            assertThat(params.get("k" + i)).isEqualTo(i);
            assertThat(params.nameAt(i)).isEqualTo("k" + i);
        }
        RouteParams full = of("a", "1");
        full.put("b", "2");
        assertThat(full).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(full.indexOf("b")).isEqualTo(1);
    }

    @Test
    void removeKeepsThePositionsOfTheOtherFields() {
        RouteParams params = of("a", "1", "b", "2", "c", "3");
        assertThat(params.remove("zz")).isNull();
        assertThat(params.remove("b")).isEqualTo("2");
        assertThat(params.remove("b")).isNull();
        assertThat(params.get("b")).isNull();
        assertThat(params.containsKey("b")).isFalse();
        assertThat(params.valueAt(1)).isNull();
        assertThat(params.indexOf("c")).isEqualTo(2);
        assertThat(params.valueAt(2)).isEqualTo("3");
        assertThat(params.entrySet()).hasSize(2);
        assertThat(new ArrayList<>(params.keySet())).containsExactly("a", "c");
    }

    @Test
    void aRemovedFieldIsNoLongerCountedAsPythonsDelShrinksTheDict() {
        RouteParams params = of("a", "1", "b", "2");
        params.remove("a");
        assertThat(params.size()).isEqualTo(1);
        assertThat(params).isEqualTo(Map.of("b", "2"));
        params.remove("b");
        assertThat(params.isEmpty()).isTrue();
        params.put("c", "3"); // a field added later takes a new position
        assertThat(params.size()).isEqualTo(1);
        assertThat(params.indexOf("c")).isEqualTo(2);
    }

    @Test
    void iterationSkipsRemovedFieldsAtEitherEnd() {
        RouteParams params = of("a", "1", "b", "2", "c", "3");
        params.remove("a");
        params.remove("c");
        assertThat(params.entrySet()).hasSize(1);
        Iterator<Map.Entry<String, Object>> it = params.entrySet().iterator();
        assertThat(it.hasNext()).isTrue();
        assertThat(it.next()).isEqualTo(Map.entry("b", "2"));
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void anEntrysSetValueWritesThrough() {
        RouteParams params = of("a", "1", "b", "2");
        List<Object> old = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            old.add(e.setValue(e.getValue() + "!"));
            assertThat(e.getValue()).isEqualTo(old.get(old.size() - 1) + "!");
        }
        assertThat(old).containsExactly("1", "2");
        assertThat(params.get("a")).isEqualTo("1!");
        assertThat(params.valueAt(1)).isEqualTo("2!");
    }
}
