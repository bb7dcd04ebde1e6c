package dev.routerls.trace;

import dev.routerls.testing.Fixture;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Trace fixtures: a config whose deciding lines carry markers {@code «STEP~WORDS|text»} (STEP the step kind,
 * WORDS words its detail must contain). The trace must name exactly the marked lines, each with a step of
 * that kind; steps that name no line (an interface without a filter list …) need no marker.
 */
public final class TraceFixture {
    private TraceFixture() {
    }

    /** Asserts the steps that name a line against the markers, and the order of all step kinds. */
    public static void assertSteps(Fixture f, TraceResult r, String... kinds) {
        List<String> want = f.expected().stream().map(e -> e.ruleId() + " @" + (e.range().startLine() + 1)).sorted().toList();
        List<String> got = r.steps().stream().filter(s -> s.line() != null).map(s -> s.kind() + " @" + s.line()).sorted().toList();
        assertEquals(want, got, () -> "steps differ; actual:\n" + describe(r));
        for (Fixture.Expected e : f.expected()) {
            if (e.messagePart() == null) continue;
            boolean ok = r.steps().stream().anyMatch(s -> s.kind().equals(e.ruleId()) && s.line() != null
                    && s.line() == e.range().startLine() + 1 && s.detail().toLowerCase().contains(e.messagePart().toLowerCase()));
            assertTrue(ok, () -> "no " + e.ruleId() + " step on line " + (e.range().startLine() + 1) + " saying '"
                    + e.messagePart() + "'; actual:\n" + describe(r));
        }
        if (kinds.length > 0) {
            assertEquals(List.of(kinds), r.steps().stream().map(TraceStep::kind).toList(), () -> "step order; actual:\n" + describe(r));
        }
    }

    /** Asserts the result's summary fields. */
    public static void assertResult(TraceResult r, Disposition d, String egress, String src, String srcPorts, String dst) {
        List<String> problems = new ArrayList<>();
        if (r.disposition() != d) problems.add("disposition " + r.disposition());
        if (!java.util.Objects.equals(egress, r.egress())) problems.add("egress " + r.egress());
        if (!java.util.Objects.equals(src, r.src())) problems.add("src " + r.src());
        if (!java.util.Objects.equals(srcPorts, r.srcPorts())) problems.add("srcPorts " + r.srcPorts());
        if (!java.util.Objects.equals(dst, r.dst())) problems.add("dst " + r.dst());
        if (!problems.isEmpty()) fail(String.join(", ", problems) + "\n" + describe(r));
    }

    public static String describe(TraceResult r) {
        return r.disposition().label() + " egress=" + r.egress() + " src=" + r.src() + " ports=" + r.srcPorts() + " dst="
                + r.dst() + " nat=" + r.nat().stream().map(n -> n.descriptor() + "/" + n.kind() + "@" + n.line())
                .collect(Collectors.joining(",")) + " filter=" + (r.filter() == null ? null : r.filter().number() + "@"
                + r.filter().line()) + "\n" + r.steps().stream().map(s -> "  " + s.kind() + " @" + s.line() + ": " + s.detail())
                .collect(Collectors.joining("\n"));
    }
}
