package io.solbot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The setting's forms; halting itself is seen from outside, by the launcher's fault-injection suite. */
class CrashPointsTest {
    @Test
    void shouldArmNothingWithoutTheProperty() {
        assertThat(CrashPoints.Armed.parse(null)).isNull();
        assertThat(CrashPoints.Armed.parse(" ")).isNull();
    }

    @Test
    void shouldArmThePointAtTheHitTheSettingNamesOrTheFirst() {
        CrashPoints.Armed third = CrashPoints.Armed.parse("after-append:3");
        assertThat(third.point()).isEqualTo("after-append");
        assertThat(third.at()).isEqualTo(3);
        assertThat(CrashPoints.Armed.parse("after-rename").at()).isEqualTo(1);
    }

    @Test
    void shouldRefuseASettingThatArmsNoPointSayingWhichThereAre() {
        for (String bad : new String[] {"after-apend", "after-append:0", "after-append:x", ":2"}) {
            assertThatThrownBy(() -> CrashPoints.Armed.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Dsolbot.crash=" + bad + " arms no crash point")
                    .hasMessageContaining("after-intent");
        }
    }

    @Test
    void shouldCountOnlyHitsOfTheArmedPointAndReturnBeforeItsArmedHit() {
        CrashPoints.Armed armed = CrashPoints.Armed.parse("after-commit:3");
        armed.hit("after-append");
        armed.hit("after-commit");
        armed.hit("after-intent");
        armed.hit("after-commit");
        assertThat(armed.hits()).hasValue(2);
    }

    @Test
    void shouldDoNothingWhenNoPointIsArmed() {
        // this test JVM has no -Dsolbot.crash: every point returns
        for (String point : CrashPoints.POINTS) {
            CrashPoints.hit(point);
        }
    }
}
