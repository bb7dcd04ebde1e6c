package dev.routerls.mape;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.math.BigInteger;
import java.util.List;

/**
 * Coverage-guided fuzzing of the MAP-E math against the independent oracle ({@link ReferenceMath}): a
 * random Basic Mapping Rule (prefix lengths, EA bits, PSID length, offset, layout) and a random delegated
 * prefix inside it give the oracle's IPv4 address, PSID, port ranges and CE address; a rule that breaks
 * RFC 7597's constraints, or a prefix too short or too long, is refused with MapeException and nothing else.
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
        String rule6Text = ReferenceMath.v6Text(rule6);
        String rule4Text = (rule4 >> 24) + "." + ((rule4 >> 16) & 255) + "." + ((rule4 >> 8) & 255) + "." + (rule4 & 255);
        String pdText = ReferenceMath.v6Text(pd);
        MapRule rule = new MapRule(null, Ipv6Prefix.parse(rule6Text + "/" + rule6len), Ipv4Prefix.parse(rule4Text + "/" + rule4len),
                ealen, psidlen, offset, null, legacy);
        // the domain: a consistent rule (RFC 7597's constraints) and a delegated prefix that holds every EA bit and
        // leaves the interface id; outside it the calculator must refuse with MapeException, never answer
        boolean valid = rule.inconsistency().isEmpty() && delegatedLen >= rule.endUserPrefixLength() && delegatedLen <= 64;
        MapeResult got;
        try {
            got = MapeCalculator.calculate(rule, Ipv6Prefix.parse(pdText + "/" + delegatedLen));
        } catch (MapeException e) {
            if (valid) throw new AssertionError("refused a valid rule " + rule + " for " + pdText + "/" + delegatedLen, e);
            return;
        }
        if (!valid) throw new AssertionError("answered for an invalid rule " + rule + " / " + pdText + "/" + delegatedLen);
        ReferenceMath.Expected want = ReferenceMath.compute(rule6Text, rule6len, rule4Text, rule4len, ealen, psidlen, offset,
                legacy, pdText, delegatedLen);
        String where = rule + " " + pdText + "/" + delegatedLen;
        equal(want.ipv4(), got.ipv4().toString(), "IPv4 of " + where);
        equal(want.psid(), got.psid(), "PSID of " + where);
        equal(want.ranges(), got.ports().stream().map(PortRange::toString).toList(), "ports of " + where);
        // compared as numbers: the JDK reads ::ffff:a:b as an IPv4-mapped address and drops the upper bits
        BigInteger ce = BigInteger.valueOf(got.ce().bits(0, 64)).and(ReferenceMath.ones(64)).shiftLeft(64)
                .or(BigInteger.valueOf(got.ce().bits(64, 64)).and(ReferenceMath.ones(64)));
        equal(want.ce(), ce, "CE of " + where);
        // the port set of the PSID alone is the one the full calculation gave
        List<PortRange> again = MapeCalculator.portSet(offset, psidlen, got.psid());
        equal(got.ports(), again, "port set of " + where);
    }

    private static void equal(Object want, Object got, String what) {
        if (!want.equals(got)) throw new AssertionError(what + ": oracle " + want + ", routerls " + got);
    }
}
