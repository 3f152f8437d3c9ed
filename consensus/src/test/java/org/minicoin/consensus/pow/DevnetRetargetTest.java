package org.minicoin.consensus.pow;

import org.minicoin.consensus.testing.ChainParamsFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.params.ChainParams;

/** minicoin's DEVNET rule: 10 s spacing, a 60-block window, pow limit 0x207fffff. */
class DevnetRetargetTest {
    private static final ChainParams DEVNET = ChainParamsFixtures.devnet();
    private static final long SPACING = ChainParamsFixtures.DEVNET_SPACING;
    private static final int WINDOW = 60;
    /** T = 0xffff << 208; its multiples by 1/4, 1/2, 2 and 4 are exact in compact form. */
    private static final long T_BITS = 0x1d00ffffL;

    @Test
    void theBlockAfterGenesisCarriesTheGenesisBits() {
        ChainLink genesis = ChainLink.genesis(ChainParamsFixtures.DEVNET_GENESIS_BITS, 1_700_000_000L);

        assertThat(DifficultyAdjustment.nextWorkRequired(genesis, genesis.time() + 100_000, DEVNET))
                .isEqualTo(ChainParamsFixtures.DEVNET_GENESIS_BITS);
    }

    /**
     * A full window of 60 blocks at target T, {@code gap} seconds apart: the next target is T scaled by
     * 60·gap / 600, clamped to [T/4, 4T]. Timestamps may even run backwards.
     */
    @ParameterizedTest(name = "blocks {0} s apart -> {1} ({2})")
    @CsvSource(textBlock = """
            # gap, expected,  target
            10,    1d00ffff,  T: on schedule
            11,    1d011998,  1.1 T
            9,     1d00e665,  0.9 T
            15,    1d017ffe,  1.5 T
            20,    1d01fffe,  2 T: slow blocks make it easier
            5,     1c7fff80,  T/2: fast blocks make it harder
            40,    1d03fffc,  4 T
            100,   1d03fffc,  4 T: clamped
            2,     1c3fffc0,  T/4: clamped
            0,     1c3fffc0,  T/4: clamped
            -5,    1c3fffc0,  T/4: time running backwards is clamped
            """)
    void scalesTheAverageTargetByTheWindowsTimespan(long gap, String expected, String meaning) {
        ChainLink last = ChainLink.genesis(T_BITS, 1_700_000_000L).thenRepeat(WINDOW, T_BITS, gap);

        assertThat(hex(DifficultyAdjustment.nextWorkRequired(last, last.time() + SPACING, DEVNET))).isEqualTo(expected);
    }

    /** Blocks before the window, and the new block's own time, play no part. */
    @Test
    void onlyTheLastWindowCounts() {
        ChainLink last = ChainLink.genesis(0x1b0404cbL, 1_700_000_000L)
                .thenRepeat(100, 0x1b0404cbL, 1)
                .thenRepeat(WINDOW, T_BITS, SPACING);

        assertThat(hex(DifficultyAdjustment.nextWorkRequired(last, last.time() + 100_000, DEVNET)))
                .isEqualTo("1d00ffff");
    }

    /** Before 60 blocks exist the window is every block after genesis; genesis's own target is not averaged. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # chain (10 s apart unless a gap is given),     expected
            0=1f00ffff 1=1d00ffff,                           1d00ffff
            0=1f00ffff 1=1d00ffff 2=1d02fffd,                1d01fffe
            0=1f00ffff 1..30=1d00ffff,                       1d00ffff
            """)
    void aShortChainUsesEveryBlockAfterGenesis(String chain, String expected) {
        ChainLink last = ChainLink.parse(chain, SPACING);

        assertThat(hex(DifficultyAdjustment.nextWorkRequired(last, last.time() + SPACING, DEVNET))).isEqualTo(expected);
    }

    @Test
    void aSingleFastBlockAfterGenesisHalvesTheTarget() {
        ChainLink last = ChainLink.genesis(0x1f00ffffL, 1_700_000_000L).then(T_BITS, 5);

        assertThat(hex(DifficultyAdjustment.nextWorkRequired(last, last.time() + SPACING, DEVNET)))
                .isEqualTo("1c7fff80");
    }

    @ParameterizedTest(name = "pow limit {0}")
    @ValueSource(strings = {"207fffff", "1d00ffff"})
    void slowBlocksNeverTakeTheTargetPastThePowLimit(String limitBits) {
        BigInteger powLimit = CompactTarget.decode(Long.parseLong(limitBits, 16)).target();
        ChainParams p = ChainParamsFixtures.devnet(powLimit);
        ChainLink last = ChainLink.genesis(Long.parseLong(limitBits, 16), 1_700_000_000L)
                .thenRepeat(WINDOW, Long.parseLong(limitBits, 16), 1_000);

        assertThat(hex(DifficultyAdjustment.nextWorkRequired(last, last.time() + SPACING, p))).isEqualTo(limitBits);
    }

    /** Blocks exactly on schedule leave the bits unchanged for good, for round and unround targets alike. */
    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"1d00ffff", "1e00f88b", "1b0404cb", "1f00ffff", "207fffff"})
    void onScheduleTheBitsNeverDrift(String bits) {
        long start = Long.parseLong(bits, 16);
        ChainLink tip = ChainLink.genesis(start, 1_700_000_000L);
        for (int i = 0; i < 300; i++) {
            long next = DifficultyAdjustment.nextWorkRequired(tip, tip.time() + SPACING, DEVNET);
            assertThat(hex(next)).as("bits at height %d", tip.height() + 1).isEqualTo(bits);
            tip = tip.then(next, SPACING);
        }
    }

    /**
     * A simulated miner whose blocks take spacing · T* / target seconds (so T* is the target at which it mines on
     * schedule): from a genesis target 256 times too easy or too hard, the rule brings the gaps to the spacing and
     * the target to within 5% of T*, and each first step moves the right way.
     */
    @ParameterizedTest(name = "genesis 0x{0}")
    @ValueSource(strings = {"1f00ffff", "1d00ffff"})
    void convergesOnTheSpacing(String genesisBits) {
        BigInteger equilibrium = CompactTarget.decode(0x1e00ffffL).target();
        ChainLink tip = ChainLink.genesis(Long.parseLong(genesisBits, 16), 1_700_000_000L);
        for (int i = 0; i < 1_000; i++) {
            long bits = DifficultyAdjustment.nextWorkRequired(tip, tip.time(), DEVNET);
            long gap = BigInteger.valueOf(SPACING).multiply(equilibrium)
                    .divide(CompactTarget.decode(bits).target()).longValueExact();
            ChainLink next = tip.then(bits, gap);
            if (i == 1) {
                assertThat(towardEquilibrium(tip, next, equilibrium)).as("the first retarget's direction").isTrue();
            }
            tip = next;
        }

        long windowSeconds = tip.time() - tip.ancestor(tip.height() - WINDOW).time();
        BigInteger target = CompactTarget.decode(tip.bits()).target();
        assertThat(windowSeconds).isBetween(WINDOW * (SPACING - 1), WINDOW * (SPACING + 1));
        assertThat(target.multiply(BigInteger.valueOf(100)))
                .isBetween(equilibrium.multiply(BigInteger.valueOf(95)), equilibrium.multiply(BigInteger.valueOf(105)));
    }

    @Test
    void aTinySpacingCannotDriveTheTargetToZero() {
        ChainParams tiny = ChainParamsFixtures.devnet(ChainParamsFixtures.REGTEST_POW_LIMIT, 1, 1);
        ChainLink last = ChainLink.genesis(0x01010000L, 1_700_000_000L).then(0x01010000L, 0);

        assertThat(hex(DifficultyAdjustment.nextWorkRequired(last, last.time(), tiny))).isEqualTo("1010000");
    }

    @Test
    void calculateNextWorkRequiredTakesTheWindowStartTime() {
        ChainLink last = ChainLink.genesis(T_BITS, 1_700_000_000L).thenRepeat(100, T_BITS, 20);

        long viaNext = DifficultyAdjustment.nextWorkRequired(last, last.time() + SPACING, DEVNET);
        long viaCalculate = DifficultyAdjustment.calculateNextWorkRequired(last, last.ancestor(40).time(), DEVNET);

        assertThat(viaNext).isEqualTo(viaCalculate).isEqualTo(0x1d01fffeL);
    }

    @Test
    void theWindowMustBeInTheChainView() {
        ChainLink last = ChainLink.startingAt(100, T_BITS, 1_700_000_000L).thenRepeat(10, T_BITS, SPACING);

        assertThatThrownBy(() -> DifficultyAdjustment.nextWorkRequired(last, last.time() + SPACING, DEVNET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("height 50");
    }

    private static boolean towardEquilibrium(ChainLink before, ChainLink after, BigInteger equilibrium) {
        BigInteger was = CompactTarget.decode(before.bits()).target();
        BigInteger now = CompactTarget.decode(after.bits()).target();
        return was.compareTo(equilibrium) > 0 ? now.compareTo(was) < 0 : now.compareTo(was) > 0;
    }

    private static String hex(long bits) {
        return Long.toHexString(bits);
    }
}
