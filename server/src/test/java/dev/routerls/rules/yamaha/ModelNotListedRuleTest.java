package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

/** Issue 7, item 4: absence from the reference's model line is a warning; a positive exclusion an error. */
class ModelNotListedRuleTest {
    @Test
    void aModelTheModelLineOmitsIsAWarningThatSaysWhatIsKnown() {
        YamahaFixture.assertRule("yamaha/model-", """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                «yamaha/model-not-listed~not always complete|system temperature threshold» 50 60
                nat descriptor backward-compatibility «yamaha/model-unsupported~15.04 line|3»
                """);
    }

    /** Commands genuine RTX830 dumps hold although the model line omits RTX830 (recorded in the supplement). */
    @Test
    void commandsSeenInGenuineDumpsOfTheModelAreQuiet() {
        YamahaFixture.assertRule("yamaha/model-", """
                # RTX830 Rev.15.02.10 (Fri Jun  7 10:04:56 2019)
                bridge member bridge1 lan1 tunnel1
                tunnel select 1
                 tunnel encapsulation l2tpv3
                 l2tp always-on on
                 l2tp local router-id 192.168.100.1
                 l2tp remote router-id 192.168.100.254
                 l2tp remote end-id yamaha
                 tunnel enable 1
                """);
    }
}
