package dev.routerls.robustness;

import dev.routerls.core.TextDecoder;
import dev.routerls.testing.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Every fuzz target's seeds (samples, {@code ../shared/corpus}, libuci's cases), replayed through the target
 * with all its properties in every test run, the choices a fuzzer would make (model, planted secret and its
 * line, edits) varied from seed to seed. Jazzer itself replays only the inputs committed under
 * {@code src/test/resources/…Inputs} (what the fuzzer found, kept as fixtures); these are read from where
 * they live.
 */
class FuzzSeedReplayTest {
    /** Edits the document pipeline replays: typing, deleting and pasting openers in the middle of a document. */
    private static final List<List<String>> EDITS = List.of(List.of(), List.of("x", "", "\n"), List.of("\"", "$((", "'", "\n\n"),
            List.of(" pp", "\r\n", "}", "#"), List.of("", "", "", "", "", ""));

    @TestFactory
    Stream<DynamicTest> yamahaSeeds() {
        return replay(FuzzSeeds.yamaha(), (i, b) -> YamahaFuzzTest.check(i, secret(PlantedSecret.YAMAHA, i, b)));
    }

    @TestFactory
    Stream<DynamicTest> uciSeeds() {
        return replay(FuzzSeeds.uci(), (i, b) -> UciFuzzTest.check(i, secret(PlantedSecret.UCI, i, b)));
    }

    @TestFactory
    Stream<DynamicTest> scriptSeeds() {
        return replay(FuzzSeeds.scripts(), (i, b) -> ShellFuzzTest.check(b));
    }

    @TestFactory
    Stream<DynamicTest> nftSeeds() {
        return replay(FuzzSeeds.nftables(), (i, b) -> NftFuzzTest.check(b));
    }

    @TestFactory
    Stream<DynamicTest> routerSeeds() {
        return replay(FuzzSeeds.routerInputs(), (i, b) -> RouterFuzzTest.check(i, i, new int[]{i, i * 7919, i * 31}, b));
    }

    @TestFactory
    Stream<DynamicTest> editSequenceSeeds() {
        return Stream.concat(
                replay(FuzzSeeds.yamaha(), (i, b) -> DocumentEditsFuzzTest.check(true, EDITS.get(i % EDITS.size()), text(b))),
                replay(FuzzSeeds.routerInputs(), (i, b) -> DocumentEditsFuzzTest.check(false, EDITS.get(i % EDITS.size()), text(b))));
    }

    @TestFactory
    Stream<DynamicTest> fixSeeds() {
        return Stream.concat(replay(FuzzSeeds.yamaha(), (i, b) -> FixFuzzTest.check(true, b)),
                replay(FuzzSeeds.routerInputs(), (i, b) -> FixFuzzTest.check(false, b)));
    }

    private static PlantedSecret secret(List<String> templates, int i, byte[] b) {
        return PlantedSecret.plant(templates, i, i * 7919, i * 31, TextDecoder.decode(b));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** One test per seed; the target gets the seed's index (to vary its choices) and bytes. */
    private static Stream<DynamicTest> replay(Map<String, byte[]> seeds, BiConsumer<Integer, byte[]> target) {
        Shared.require(Shared.root().resolve("corpus"));
        AtomicInteger index = new AtomicInteger();
        return seeds.entrySet().stream().map(e -> {
            int i = index.getAndIncrement();
            return DynamicTest.dynamicTest(e.getKey(), () -> target.accept(i, e.getValue()));
        });
    }
}
