package falcon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Python's int()/float()/str(float) rules, as Falcon's param parsing relies on them. */
class PythonNumbersTest {

    @Test
    void intAcceptsWhatPythonAccepts() {
        assertThat(PythonNumbers.parseInt(" 1_000 ")).isEqualTo(1000L);
        assertThat(PythonNumbers.parseInt("+5")).isEqualTo(5L);
        assertThat(PythonNumbers.parseInt("-0")).isEqualTo(0L);
        assertThat(PythonNumbers.parseInt("1__0")).isNull();
        assertThat(PythonNumbers.parseInt("_1")).isNull();
        assertThat(PythonNumbers.parseInt("1.0")).isNull();
        assertThat(PythonNumbers.parseInt("")).isNull();
        assertThat(PythonNumbers.parseInt("+")).isNull();
        assertThat(PythonNumbers.parseInt("99999999999999999999")).isNull();
    }

    @Test
    void floatAcceptsWhatPythonAccepts() {
        assertThat(PythonNumbers.parseFloat("1e3")).isEqualTo(1000.0);
        assertThat(PythonNumbers.parseFloat(" -1.5E-2 ")).isEqualTo(-0.015);
        assertThat(PythonNumbers.parseFloat("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PythonNumbers.parseFloat("nan")).isNaN();
        assertThat(PythonNumbers.parseFloat("5.")).isEqualTo(5.0);
        assertThat(PythonNumbers.parseFloat("1.5f")).isNull();
        assertThat(PythonNumbers.parseFloat("0x10")).isNull();
        assertThat(PythonNumbers.parseFloat(".")).isNull();
    }

    @Test
    void floatFormatsAsPythonStr() {
        assertThat(PythonNumbers.formatFloat(1.0)).isEqualTo("1.0");
        assertThat(PythonNumbers.formatFloat(2.5)).isEqualTo("2.5");
        assertThat(PythonNumbers.formatFloat(1e20)).isEqualTo("1e+20");
        assertThat(PythonNumbers.formatFloat(1e-5)).isEqualTo("1e-05");
        assertThat(PythonNumbers.formatFloat(-0.0001)).isEqualTo("-0.0001");
    }
}
