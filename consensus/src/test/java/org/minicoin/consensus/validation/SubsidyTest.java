package org.minicoin.consensus.validation;

import org.minicoin.consensus.testing.ChainParamsFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.params.ChainParams;

import org.minicoin.consensus.types.Amount;

class SubsidyTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();

    @ParameterizedTest(name = "height {0}: {1} sat")
    @CsvSource(textBlock = """
            # height,      subsidy (sat)
            0,             5000000000
            1,             5000000000
            209999,        5000000000
            210000,        2500000000
            419999,        2500000000
            420000,        1250000000
            629999,        1250000000
            630000,         625000000
            840000,         312500000
            1050000,        156250000
            6929999,              1
            6930000,              0
            13229999,             0
            13230000,             0
            13440000,             0
            2147483647,           0
            """)
    void mainnetHalvingBoundaries(int height, long subsidy) {
        assertThat(Subsidy.blockSubsidy(height, MAIN)).isEqualTo(subsidy);
    }

    /**
     * Core's block_subsidy_test: at each of the first 64 halvings the subsidy is exactly half the last (rounded
     * down), and from the 64th it is zero, where a C++ shift would be undefined.
     */
    @ParameterizedTest(name = "interval {0}")
    @ValueSource(ints = {210000, 150, 1000})
    void eachHalvingHalvesUntilTheSixtyFourth(int interval) {
        ChainParams p = interval == 150 ? REGTEST : withHalvingInterval(interval);
        long previous = 2 * 50 * Amount.COIN;
        for (int halvings = 0; halvings < 64; halvings++) {
            long subsidy = Subsidy.blockSubsidy(halvings * interval, p);
            assertThat(subsidy).as("after %d halvings", halvings).isEqualTo(previous / 2)
                    .isLessThanOrEqualTo(50 * Amount.COIN);
            previous = subsidy;
        }
        assertThat(Subsidy.blockSubsidy(64 * interval, p)).isZero();
    }

    /** Core's subsidy_limit_test: sampled every 1,000 blocks (exact, as halvings fall on multiples of 1,000). */
    @Test
    void coresSubsidyLimit() {
        long sum = 0;
        for (int height = 0; height < 14_000_000; height += 1_000) {
            long subsidy = Subsidy.blockSubsidy(height, MAIN);
            assertThat(subsidy).isLessThanOrEqualTo(50 * Amount.COIN);
            sum += subsidy * 1_000;
            assertThat(Amount.inRange(sum)).isTrue();
        }
        assertThat(sum).isEqualTo(2_099_999_997_690_000L);
    }

    /** Every block's subsidy summed, height by height, gives the same total: just under 21 million coins. */
    @Test
    void totalSupplyOverEveryHeight() {
        long sum = 0;
        for (int height = 0; height < 64 * 210_000; height++) {
            sum += Subsidy.blockSubsidy(height, MAIN);
        }
        assertThat(sum).isEqualTo(2_099_999_997_690_000L).isLessThan(Amount.MAX_MONEY);
    }

    @Test
    void regtestHalvesEvery150Blocks() {
        assertThat(Subsidy.blockSubsidy(149, REGTEST)).isEqualTo(50 * Amount.COIN);
        assertThat(Subsidy.blockSubsidy(150, REGTEST)).isEqualTo(25 * Amount.COIN);
        assertThat(Subsidy.blockSubsidy(150 * 64, REGTEST)).isZero();
    }

    @Test
    void aNegativeHeightIsAnError() {
        assertThatThrownBy(() -> Subsidy.blockSubsidy(-1, MAIN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChainParams withHalvingInterval(int interval) {
        ChainParams m = MAIN;
        return new ChainParams(m.name(), m.magic(), m.p2pPort(), m.rpcPort(), m.base58(), m.bech32Hrp(),
                m.powLimit(), m.powTargetSpacing(), m.powTargetTimespan(), m.retargetRule(), interval,
                m.initialSubsidy(), m.softForks(), m.genesis());
    }
}
