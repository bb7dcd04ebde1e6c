package dev.routerls.mape;

import dev.routerls.mape.PortSetFinding.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortSetCheckTest {
    // v6plus / BIGLOBE: offset 4, psidlen 8 → blocks of 16, stride 4096
    private static final int A = 4;
    private static final int K = 8;

    /** The RFC 7597 blocks written out directly: A·4096 + psid·16 … +15 for A = 1..15. */
    private static List<PortRange> v6plusBlocks(int psid) {
        List<PortRange> out = new ArrayList<>();
        for (int a = 1; a <= 15; a++) {
            out.add(new PortRange(a * 4096 + psid * 16, a * 4096 + psid * 16 + 15));
        }
        return out;
    }

    private static PortSetCheck.Result check(List<PortRange> ranges, int psid) {
        return PortSetCheck.check(ranges, A, K, OptionalInt.of(psid));
    }

    private static List<Kind> kinds(PortSetCheck.Result r) {
        return r.findings().stream().map(PortSetFinding::kind).toList();
    }

    @Test
    void exactPortSetHasNoFinding() {
        PortSetCheck.Result r = check(v6plusBlocks(110), 110);
        assertEquals(List.of(), r.findings());
        assertTrue(r.matches());
        assertEquals(v6plusBlocks(110), r.expected());
        assertEquals("5856-5871", r.expected().get(0).toString());   // seed 000
    }

    @Test
    void psidIsInferredWhenNotGiven() {
        PortSetCheck.Result r = PortSetCheck.check(v6plusBlocks(110), A, K);
        assertEquals(OptionalInt.of(110), r.psid());
        assertTrue(r.psidInferred());
        assertTrue(r.matches());
    }

    @Test
    void ocnPortSetHas63BlocksWithStride1024() {
        List<PortRange> blocks = new ArrayList<>();
        for (int a = 1; a <= 63; a++) {
            blocks.add(new PortRange(a * 1024 + 22 * 16, a * 1024 + 22 * 16 + 15));
        }
        assertTrue(PortSetCheck.check(blocks, 6, 6, OptionalInt.of(22)).matches());
        // the same blocks checked as v6plus are wrong: stride 1024 is not a multiple of 4096
        assertTrue(kinds(PortSetCheck.check(blocks, A, K, OptionalInt.of(22))).contains(Kind.WRONG_STRIDE));
    }

    @Test
    void wrongBlockSizeNamesTheBlockItShouldBe() {
        List<PortRange> ranges = new ArrayList<>(v6plusBlocks(110));
        ranges.set(2, new PortRange(14048, 14079));   // 32 ports: PSIDs 110 and 111
        PortSetCheck.Result r = check(ranges, 110);
        assertEquals(List.of(Kind.WRONG_BLOCK_SIZE), kinds(r));
        PortSetFinding.WrongBlockSize f = (PortSetFinding.WrongBlockSize) r.findings().get(0);
        assertEquals(2, f.rangeIndex());
        assertEquals(16, f.expectedSize());
        assertEquals(new PortRange(14048, 14063), f.expected());
        assertEquals(List.of(110, 111), f.psids());
    }

    @Test
    void misalignedBlockOfTheRightSizeIsAWrongBlock() {
        List<PortRange> ranges = new ArrayList<>(v6plusBlocks(110));
        ranges.set(0, new PortRange(5850, 5865));
        PortSetFinding.WrongBlockSize f = (PortSetFinding.WrongBlockSize) check(ranges, 110).findings().get(0);
        assertEquals(new PortRange(5856, 5871), f.expected());
        assertEquals(List.of(109, 110), f.psids());
    }

    @Test
    void wrongStrideIsOneFindingPlusTheBlocksItMisses() {
        List<PortRange> ranges = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ranges.add(new PortRange(5856 + 1024 * i, 5856 + 1024 * i + 15));
        }
        PortSetCheck.Result r = check(ranges, 110);
        assertEquals(List.of(Kind.WRONG_STRIDE, Kind.MISSING_BLOCKS), kinds(r));
        PortSetFinding.WrongStride s = (PortSetFinding.WrongStride) r.findings().get(0);
        assertEquals(1024, s.actualStride());
        assertEquals(4096, s.expectedStride());
        // 5856 + 1024·i hits the PSID 110 blocks of A = 1..4 (i = 0, 4, 8, 12); A = 5..15 are missing
        PortSetFinding.MissingBlocks m = (PortSetFinding.MissingBlocks) r.findings().get(1);
        assertEquals(v6plusBlocks(110).subList(4, 15), m.missing());
    }

    @Test
    void blocksOfAnotherPsidAreNamedWithTheirOwnPsid() {
        PortSetCheck.Result r = check(v6plusBlocks(111), 110);
        assertEquals(15, r.findings().size());
        for (int i = 0; i < 15; i++) {
            PortSetFinding.OtherPsid f = (PortSetFinding.OtherPsid) r.findings().get(i);
            assertEquals(i, f.rangeIndex());
            assertEquals(111, f.actualPsid());
            assertEquals(110, f.expectedPsid());
            assertEquals(v6plusBlocks(110).get(i), f.expected());
        }
        assertFalse(r.matches());
    }

    @Test
    void systemPortsOfAZeroAreReported() {
        List<PortRange> ranges = new ArrayList<>(v6plusBlocks(110));
        ranges.add(0, new PortRange(1760, 1775));   // A = 0 block of PSID 110
        PortSetCheck.Result r = check(ranges, 110);
        assertEquals(List.of(Kind.SYSTEM_PORTS), kinds(r));
        PortSetFinding.SystemPorts f = (PortSetFinding.SystemPorts) r.findings().get(0);
        assertEquals(0, f.rangeIndex());
        assertEquals(4096, f.firstSharedPort());
    }

    @Test
    void missingBlocksAreListed() {
        PortSetCheck.Result r = check(v6plusBlocks(110).subList(0, 12), 110);
        assertEquals(List.of(Kind.MISSING_BLOCKS), kinds(r));
        PortSetFinding.MissingBlocks m = (PortSetFinding.MissingBlocks) r.findings().get(0);
        assertEquals(110, m.psid());
        assertEquals(List.of(new PortRange(55008, 55023), new PortRange(59104, 59119), new PortRange(63200, 63215)),
                m.missing());
        assertEquals(-1, m.rangeIndex());
    }

    @Test
    void mixedPsidsWithoutAGivenPsid() {
        List<PortRange> ranges = new ArrayList<>(v6plusBlocks(110));
        List<PortRange> other = v6plusBlocks(111);
        for (int i = 10; i < 15; i++) {
            ranges.set(i, other.get(i));
        }
        PortSetCheck.Result r = PortSetCheck.check(ranges, A, K);
        assertEquals(OptionalInt.of(110), r.psid());
        List<Kind> kinds = kinds(r);
        assertEquals(5, kinds.stream().filter(k -> k == Kind.OTHER_PSID).count());
        assertTrue(kinds.contains(Kind.MIXED_PSIDS));
        assertFalse(kinds.contains(Kind.MISSING_BLOCKS));   // each gap is named by its other-PSID finding
        PortSetFinding.MixedPsids mixed = (PortSetFinding.MixedPsids) r.findings().get(r.findings().size() - 1);
        assertEquals(List.of(110, 111), mixed.psids());
        assertEquals(110, mixed.assumedPsid());
    }

    @Test
    void repeatedBlockIsADuplicate() {
        List<PortRange> ranges = new ArrayList<>(v6plusBlocks(110));
        ranges.add(new PortRange(9952, 9967));
        PortSetCheck.Result r = check(ranges, 110);
        assertEquals(List.of(Kind.DUPLICATE), kinds(r));
        assertEquals(1, ((PortSetFinding.Duplicate) r.findings().get(0)).firstIndex());
        assertEquals(15, r.findings().get(0).rangeIndex());
    }

    @Test
    void invalidRangesAreReportedAndSkipped() {
        List<PortRange> ranges = new ArrayList<>(v6plusBlocks(110));
        ranges.add(new PortRange(70000, 70015));
        ranges.add(new PortRange(6000, 5990));
        PortSetCheck.Result r = check(ranges, 110);
        assertEquals(List.of(Kind.INVALID_RANGE, Kind.INVALID_RANGE), kinds(r));
    }

    @Test
    void emptyListMissesEverything() {
        PortSetCheck.Result r = check(List.of(), 110);
        assertEquals(List.of(Kind.MISSING_BLOCKS), kinds(r));
        assertTrue(PortSetCheck.check(List.of(), A, K).psid().isEmpty());
        assertEquals(List.of(), PortSetCheck.check(List.of(), A, K).findings());
    }

    @Test
    void psidLengthZeroComparesCoverage() {
        assertTrue(PortSetCheck.check(List.of(new PortRange(1024, 65535)), 6, 0).matches());
        assertTrue(PortSetCheck.check(List.of(new PortRange(1024, 30000), new PortRange(30001, 65535)), 6, 0).matches());
        PortSetCheck.Result gap = PortSetCheck.check(List.of(new PortRange(1024, 30000), new PortRange(30002, 65535)), 6, 0);
        assertEquals(List.of(new PortRange(30001, 30001)), ((PortSetFinding.MissingBlocks) gap.findings().get(0)).missing());
        assertEquals(List.of(Kind.SYSTEM_PORTS), kinds(PortSetCheck.check(List.of(new PortRange(1, 65535)), 6, 0)));
    }

    @Test
    void parametersThatCannotDescribeAPortSetAreRefused() {
        assertThrows(MapeException.class, () -> PortSetCheck.check(List.of(), 10, 8));
        assertThrows(MapeException.class, () -> PortSetCheck.check(List.of(), A, K, OptionalInt.of(256)));
    }
}
