package dev.routerls.mape;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.math.BigInteger;
import java.util.List;

/**
 * Coverage-guided fuzzing of the MAP-E math against the independent oracle ({@link ReferenceMath}): a
 * random Basic Mapping Rule (prefix lengths, EA bits, PSID length, offset, layout) and a random delegated
 * prefix inside it give the oracle's IPv4 address, PSID, port ranges and CE address. Rules the model
 * refuses (out-of-range fields) must be refused with IllegalArgumentException, nothing else.
 */
class MapeFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void mapeMath(FuzzedDataProvider data) {
        check(data);
    }

    static void check(FuzzedDataProvider data) {
        int rule4len = data.consumeInt(0, 32);
        int ealen = data.consumeInt(0, 48);
        int psidlen = data.consumeInt(0, 16);
        int offset = data.consumeInt(0, 16);
        boolean legacy = data.consumeBoolean();
        int rule6len = data.consumeInt(1, 64);
        int delegatedLen = data.consumeInt(rule6len, 128);
        BigInteger rule6 = new BigInteger(1, data.consumeBytes(16)).shiftRight(128 - rule6len).shiftLeft(128 - rule6len);
        long rule4 = (data.consumeLong() & 0xffffffffL) >>> (32 - rule4len) << (32 - rule4len);
        if (rule4len == 0) rule4 = 0;
        BigInteger free = new BigInteger(1, data.consumeBytes(16)).and(ReferenceMath.ones(128 - rule6len));
        BigInteger pd = rule6.or(free).shiftRight(128 - delegatedLen).shiftLeft(128 - delegatedLen);
        // the oracle's domain: the EA bits fit in the delegated prefix, the IPv4 suffix in the address, the
        // PSID in the EA bits and the port (an inconsistent rule is the rules' business, not the math's)
        boolean valid = rule6len + ealen <= delegatedLen && ealen - psidlen >= 0 && ealen - psidlen <= 32 - rule4len
                && offset + psidlen <= 16;
        if (!valid) return;

        String rule6Text = ReferenceMath.v6Text(rule6);
        String rule4Text = (rule4 >> 24) + "." + ((rule4 >> 16) & 255) + "." + ((rule4 >> 8) & 255) + "." + (rule4 & 255);
        String pdText = ReferenceMath.v6Text(pd);
        MapRule rule = new MapRule(null, Ipv6Prefix.parse(rule6Text + "/" + rule6len), Ipv4Prefix.parse(rule4Text + "/" + rule4len),
                ealen, psidlen, offset, null, legacy);
        MapeResult got = MapeCalculator.calculate(rule, Ipv6Prefix.parse(pdText + "/" + delegatedLen));
        ReferenceMath.Expected want = ReferenceMath.compute(rule6Text, rule6len, rule4Text, rule4len, ealen, psidlen, offset,
                legacy, pdText, delegatedLen);
        String where = rule + " " + pdText + "/" + delegatedLen;
        equal(want.ipv4(), got.ipv4().toString(), "IPv4 of " + where);
        equal(want.psid(), got.psid(), "PSID of " + where);
        equal(want.ranges(), got.ports().stream().map(PortRange::toString).toList(), "ports of " + where);
        equal(want.ce(), ReferenceMath.v6(got.ce().toString()), "CE of " + where);
        // the port set of the PSID alone is the one the full calculation gave
        List<PortRange> again = MapeCalculator.portSet(offset, psidlen, got.psid());
        equal(got.ports(), again, "port set of " + where);
    }

    private static void equal(Object want, Object got, String what) {
        if (!want.equals(got)) throw new AssertionError(what + ": oracle " + want + ", routerls " + got);
    }
}
