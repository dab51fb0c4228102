package io.solbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerTest {
    @Test
    void shouldNameThisProcessByPidHostAndABootOfItsOwn() {
        Owner me = Owner.thisProcess();

        assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(me.boot()).matches("[0-9a-f]{12}");
        assertThat(me.toString()).isEqualTo(me.pid() + "@" + me.host() + "#" + me.boot());
        assertThat(Owner.thisProcess()).isSameAs(me);
        assertThat(Owner.parse(me.toString())).contains(me);
    }

    @Test
    void shouldTellTwoProcessesWithOnePidOnOneHostApartByTheirBoots() {
        // pid 1 in two containers that share a host name
        Owner a = Owner.parse("1@worker#0123456789ab").orElseThrow();
        Owner b = Owner.parse("1@worker#ba9876543210").orElseThrow();

        assertThat(a).isNotEqualTo(b);
        assertThat(a.pid()).isEqualTo(b.pid());
        assertThat(a.host()).isEqualTo(b.host());
    }

    @Test
    void shouldReadAnOwnerWrittenBeforeBootsAndNoneThatIsNotAnOwner() {
        assertThat(Owner.parse("4711@host-a")).contains(new Owner(4711, "host-a", ""));
        assertThat(Owner.parse("4711@host-a").orElseThrow()).hasToString("4711@host-a");
        assertThat(Owner.parse("host-a")).isEmpty();
        assertThat(Owner.parse("x@host-a")).isEmpty();
        assertThat(Owner.parse("1@host#short")).isEmpty();
        assertThat(Owner.parse("99999999999999999999@host")).isEmpty();
    }
}
