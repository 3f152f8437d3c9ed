package org.minicoin.consensus.pow;

import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;

/** The BITCOIN rule, on mainnet parameters and real mainnet header values. */
class DifficultyAdjustmentTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();

    /**
     * Core's pow_tests: the last block of a period (height, time, bits), the time of the block the period is
     * measured from, and the new bits. Core's comments name the blocks; the last row's first time is made up.
     */
    @ParameterizedTest(name = "{0}: {5}")
    @CsvSource(textBlock = """
            # height, time,       bits,       first time, expected,   case
            32255,    1262152739, 0x1d00ffff, 1261130161, 0x1d00d86a, get_next_work (no limit applies)
            2015,     1233061996, 0x1d00ffff, 1231006505, 0x1d00ffff, get_next_work_pow_limit (capped at the limit)
            68543,    1279297671, 0x1c05a3f4, 1279008237, 0x1c0168fd, get_next_work_lower_limit_actual (4x harder)
            46367,    1269211443, 0x1c387f6f, 1263163443, 0x1d00e1fd, get_next_work_upper_limit_actual (4x easier)
            """)
    void coreRetargetVectors(int height, long time, String bits, long firstTime, String expected, String name) {
        ChainLink last = ChainLink.startingAt(height, Long.decode(bits), time);

        long next = DifficultyAdjustment.calculateNextWorkRequired(last, firstTime, MAIN);

        assertThat(next).isEqualTo(Long.decode(expected));
        assertThat(DifficultyAdjustment.permittedDifficultyTransition(MAIN, height + 1, last.bits(), next)).isTrue();
    }

    /** Core: one step past each clamp (in the direction the clamp forbids) is not a permitted transition. */
    @ParameterizedTest(name = "height {0}: {1} -> {2} permitted={3}")
    @CsvSource(textBlock = """
            # height, old bits,   new bits,   permitted
            68544,    0x1c05a3f4, 0x1c0168fd, true
            68544,    0x1c05a3f4, 0x1c0168fc, false
            46368,    0x1c387f6f, 0x1d00e1fd, true
            46368,    0x1c387f6f, 0x1d00e1fe, false
            46368,    0x1c387f6f, 0x1c387f6f, true
            2016,     0x1d00ffff, 0x1d00ffff, true
            2016,     0x1d00ffff, 0x1d010000, false
            2017,     0x1d00ffff, 0x1d00ffff, true
            2017,     0x1d00ffff, 0x1d00fffe, false
            2017,     0x1c05a3f4, 0x1d00ffff, false
            """)
    void permittedTransitionsOnMainnet(long height, String oldBits, String newBits, boolean permitted) {
        assertThat(DifficultyAdjustment.permittedDifficultyTransition(MAIN, height, Long.decode(oldBits),
                Long.decode(newBits))).isEqualTo(permitted);
    }

    /** Networks that allow minimum-difficulty blocks, or retarget every block, permit any transition. */
    @Test
    void otherRulesPermitAnyTransition() {
        for (ChainParams p : List.of(ChainParamsFixtures.testnet(), ChainParamsFixtures.regtest(),
                ChainParamsFixtures.devnet())) {
            assertThat(DifficultyAdjustment.permittedDifficultyTransition(p, 2017, 0x1d00ffffL, 0x1b0404cbL))
                    .as(p.name()).isTrue();
        }
    }

    /** Every block in 1..438 carries exactly the bits the rule requires after its parent. */
    @Test
    void realMainnetBlocksCarryTheRequiredBits() {
        List<Block> blocks = TestData.mainnet();
        ChainLink tip = ChainLink.genesis(blocks.get(0).header().bits(), blocks.get(0).header().time());
        for (Block block : blocks.subList(1, blocks.size())) {
            long required = DifficultyAdjustment.nextWorkRequired(tip, block.header().time(), MAIN);
            assertThat(required).as("bits at height %d", tip.height() + 1).isEqualTo(block.header().bits());
            tip = tip.then(block.header().bits(), block.header().time() - tip.time());
        }
        assertThat(tip.height()).isEqualTo(438);
    }

    /** Between retargets the bits stay the last block's, however late the new block comes on mainnet. */
    @ParameterizedTest(name = "after height {0}")
    @CsvSource({"0", "1", "2013", "2014", "2016", "4030"})
    void nonRetargetHeightsKeepTheLastBits(int height) {
        ChainLink last = ChainLink.startingAt(height, 0x1c05a3f4L, 1_300_000_000L);

        assertThat(DifficultyAdjustment.nextWorkRequired(last, last.time() + 1_000_000, MAIN)).isEqualTo(0x1c05a3f4L);
    }

    /**
     * At a retarget the period is measured from the block interval-1 back (block 2016 for the retarget after
     * 4031), not interval back. Block 2015 is a day before 2016 and must not count: the 2015 gaps at the spacing
     * in 2016 spacings' time make the target 2015/2016 of the old one.
     */
    @Test
    void retargetMeasuresFromTheBlockIntervalMinusOneBack() {
        ChainLink last = ChainLink.startingAt(2015, 0x1c0fffffL, 1_300_000_000L)
                .then(0x1c0fffffL, 86_400)
                .thenUpTo(4031, 0x1c0fffffL, 600);

        long next = DifficultyAdjustment.nextWorkRequired(last, last.time() + 600, MAIN);

        assertThat(next).isEqualTo(0x1c0ffdf6L)
                .isEqualTo(DifficultyAdjustment.calculateNextWorkRequired(last, last.ancestor(2016).time(), MAIN));
    }

    @Test
    void aRetargetNeedsTheChainBackToThePeriodStart() {
        ChainLink last = ChainLink.startingAt(4000, 0x1c0fffffL, 1_300_000_000L).thenUpTo(4031, 0x1c0fffffL, 600);

        assertThatThrownBy(() -> DifficultyAdjustment.nextWorkRequired(last, last.time() + 600, MAIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("height 2016");
    }

    /**
     * Core's retarget arithmetic is 256-bit: with a pow limit so easy that target * 4 * timespan needs more than
     * 256 bits, the product would wrap. Core forbids such parameters in its chain-params sanity test; ChainParams
     * refuses them outright, so the wrap can never be reached.
     */
    @Test
    void parametersWhoseRetargetWouldWrapAreRefused() {
        assertThatThrownBy(() -> ChainParamsFixtures.mainnetWithPowLimit(ChainParamsFixtures.REGTEST_POW_LIMIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overflows 256 bits");
        // Mainnet's own limit leaves room: 2^224 * 4 * 1209600 < 2^256.
        assertThat(ChainParamsFixtures.mainnet().powLimit()).isEqualTo(ChainParamsFixtures.MAIN_POW_LIMIT);
    }

    @Test
    void ancestorWalksParentLinks() {
        ChainLink tip = ChainLink.startingAt(10, 0x1d00ffffL, 0).thenUpTo(20, 0x1d00ffffL, 600);

        assertThat(tip.ancestor(20)).isSameAs(tip);
        assertThat(tip.ancestor(15).height()).isEqualTo(15);
        assertThat(tip.ancestor(15).time()).isEqualTo(5 * 600);
        assertThat(tip.ancestor(10).previous()).isNull();
        assertThat(tip.ancestor(9)).isNull();
        assertThat(tip.ancestor(21)).isNull();
        assertThat(tip.ancestor(-1)).isNull();
    }

    @Test
    void powLimitTargetsMatchCoresCompactForm() {
        assertThat(CompactTarget.encode(MAIN.powLimit())).isEqualTo(0x1d00ffffL);
        assertThat(CompactTarget.encode(ChainParamsFixtures.regtest().powLimit())).isEqualTo(0x207fffffL);
        assertThat(MAIN.powLimit()).isEqualTo(new BigInteger("00000000" + "f".repeat(56), 16));
    }
}
