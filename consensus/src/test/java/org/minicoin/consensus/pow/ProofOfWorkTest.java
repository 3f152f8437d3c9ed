package org.minicoin.consensus.pow;

import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;

class ProofOfWorkTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final BigInteger WORK_AT_POW_LIMIT = BigInteger.valueOf(0x100010001L);

    @Test
    void everyEarlyMainnetBlockMeetsItsTarget() {
        List<Block> blocks = TestData.mainnet();

        assertThat(blocks).hasSize(439);
        assertThat(blocks.get(0).hash())
                .isEqualTo(Hash.fromHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"));
        for (int h = 1; h < blocks.size(); h++) {
            assertThat(blocks.get(h).header().prevBlock()).as("parent of %d", h).isEqualTo(blocks.get(h - 1).hash());
        }
        assertThat(blocks).allSatisfy(b ->
                assertThat(ProofOfWork.checkProofOfWork(b.hash(), b.header().bits(), MAIN)).as("%s", b).isTrue());
    }

    /** The check is hash <= target: a hash equal to the target passes, one more fails. */
    @Test
    void theTargetItselfPassesAndOneAboveFails() {
        BigInteger target = CompactTarget.decode(0x1d00ffffL).target();

        assertThat(ProofOfWork.checkProofOfWork(hashOf(target), 0x1d00ffffL, MAIN)).isTrue();
        assertThat(ProofOfWork.checkProofOfWork(hashOf(target.add(BigInteger.ONE)), 0x1d00ffffL, MAIN)).isFalse();
    }

    /** A real block's hash fails against the target just below it: the check reads the hash's full 256 bits. */
    @Test
    void aRealBlockFailsATargetBelowItsHash() {
        Block block = TestData.mainnet().get(438);
        BigInteger hash = block.hash().toBigInteger();

        assertThat(ProofOfWork.checkProofOfWork(block.hash(), CompactTarget.encode(hash), MAIN)).isFalse();
    }

    /**
     * Core's CheckProofOfWork_test_* cases and their neighbours, all with the hash 1 unless given, on mainnet's
     * pow limit (compact 0x1d00ffff).
     */
    @ParameterizedTest(name = "bits={0} hash={1}: {2} ({3})")
    @CsvSource(textBlock = """
            # bits,     hash, passes, why
            0x1d00ffff, 1,    true,   the pow limit itself
            0x1b0404cb, 1,    true,   a harder real target
            0x01010000, 1,    true,   the hardest target (1) met exactly
            0x01010000, 2,    false,  the hardest target (1) missed
            0x1d80ffff, 1,    false,  negative: the pow limit with the sign bit
            0xff7fffff, 1,    false,  overflow: ~0x00800000
            0x00000000, 0,    false,  zero target: not even the zero hash passes
            0x1d010000, 1,    false,  easier than the pow limit
            0x1d01fffe, 1,    false,  twice the pow limit
            """)
    void rejectsBitsNoHeaderMayCarry(String bits, long hash, boolean passes, String why) {
        assertThat(ProofOfWork.checkProofOfWork(hashOf(BigInteger.valueOf(hash)), Long.decode(bits), MAIN))
                .isEqualTo(passes);
    }

    /** Core's CheckProofOfWork_test_biger_hash_than_target: target at the limit, hash twice the limit. */
    @Test
    void aHashAboveTheTargetFails() {
        BigInteger hash = MAIN.powLimit().shiftLeft(1);

        assertThat(ProofOfWork.checkProofOfWork(hashOf(hash), CompactTarget.encode(MAIN.powLimit()), MAIN)).isFalse();
    }

    @ParameterizedTest(name = "bits={0}: {1}")
    @CsvSource(textBlock = """
            # bits,     work
            0x1d00ffff, 4295032833
            0x1b0404cb, 70040908352512
            0x207fffff, 2
            0x01010000, 57896044618658097711785492504343953926634992332820282019728792003956564819968
            0x00000000, 0
            0x01003456, 0
            0x1d80ffff, 0
            0xff7fffff, 0
            """)
    void blockWorkIsTwoTo256OverTargetPlusOne(String bits, String work) {
        assertThat(ProofOfWork.blockWork(Long.decode(bits))).isEqualTo(new BigInteger(work));
    }

    @Test
    void chainworkOfTheFirst439MainnetBlocks() {
        BigInteger chainwork = TestData.mainnet().stream()
                .map(b -> ProofOfWork.blockWork(b.header().bits()))
                .reduce(BigInteger.ZERO, BigInteger::add);

        assertThat(chainwork).isEqualTo(WORK_AT_POW_LIMIT.multiply(BigInteger.valueOf(439)))
                .isEqualTo(new BigInteger("1885519413687"));
    }

    @Test
    void deriveTargetGivesTheDecodedTargetOnlyWhenValid() {
        assertThat(ProofOfWork.deriveTarget(0x1d00ffffL, MAIN.powLimit()))
                .contains(BigInteger.valueOf(0xffff).shiftLeft(208));
        assertThat(ProofOfWork.deriveTarget(0x1d010000L, MAIN.powLimit())).isEmpty();
        assertThat(ProofOfWork.deriveTarget(0x1d80ffffL, MAIN.powLimit())).isEmpty();
    }

    /** A hash with the given value as a 256-bit number (display hex is big-endian). */
    static Hash hashOf(BigInteger value) {
        return Hash.fromHex(String.format("%064x", value));
    }
}
