package org.minicoin.consensus.pow;

import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;

/**
 * The TESTNET and REGTEST rules on small synthetic chains, blocks 600 s apart. Columns: the chain (see
 * {@link ChainLink#parse}), how long after the last block the new one comes, and the bits it must carry.
 */
class MinDifficultyRuleTest {
    private static final long SPACING = 600;

    /** testnet3: interval 2016, pow limit 0x1d00ffff; the real difficulty here is 0x1c0fffff. */
    @ParameterizedTest(name = "{3}")
    @CsvSource(textBlock = """
            # chain,                                    delay, expected,   case
            100=1c0fffff,                                1201, 1d00ffff,   more than two spacings late: minimum difficulty
            100=1c0fffff,                                1200, 1c0fffff,   exactly two spacings late: the real target
            100=1c0fffff,                                   1, 1c0fffff,   on time: the real target
            99..100=1c0fffff 101..102=1d00ffff,           600, 1c0fffff,   on time after min-difficulty blocks: the last real target
            99..100=1c0fffff 101..102=1d00ffff,          1201, 1d00ffff,   late after min-difficulty blocks: minimum again
            2015=1c0fffff 2016..2018=1d00ffff,            600, 1d00ffff,   the walk back stops at a retarget block (2016)
            0..3=1d00ffff,                                600, 1d00ffff,   the walk back stops at genesis
            0=1d00ffff 1=1c0fffff 2..3=1d00ffff,          600, 1c0fffff,   the walk back passes min blocks down to block 1
            0..2015=1c0fffff,                             600, 1c0ffdf6,   at a retarget height the Bitcoin retarget applies
            0..2015=1c0fffff,                           99999, 1c0ffdf6,   at a retarget height lateness does not matter
            """)
    void testnet(String chain, long delay, String expected, String description) {
        assertNextBits(ChainParamsFixtures.testnet(), chain, delay, expected);
    }

    /** regtest: interval 144 (one day of 600 s blocks), pow limit 0x207fffff, and the target never retargets. */
    @ParameterizedTest(name = "{3}")
    @CsvSource(textBlock = """
            # chain,                                    delay, expected,   case
            0..10=207fffff,                               600, 207fffff,   Core's regtest chains stay at the pow limit
            0=207fffff 1..10=2000ffff,                   1201, 207fffff,   more than two spacings late: minimum difficulty
            0=207fffff 1..10=2000ffff,                    600, 2000ffff,   on time: the real target
            0=207fffff 1..10=2000ffff 11..12=207fffff,    600, 2000ffff,   on time after min-difficulty blocks: the last real target
            143=2000ffff 144..146=207fffff,               600, 207fffff,   the walk back stops at a retarget block (144)
            0=207fffff 1..143=2000ffff,                   600, 2000ffff,   at a retarget height the bits stay
            0=207fffff 1..143=2000ffff,                 99999, 2000ffff,   at a retarget height lateness does not matter
            0=207fffff 1..287=2000ffff,                   600, 2000ffff,   nor at the next retarget height
            """)
    void regtest(String chain, long delay, String expected, String description) {
        assertNextBits(ChainParamsFixtures.regtest(), chain, delay, expected);
    }

    /**
     * Every block of a real regtest chain made by Core (heights 1-711 plus a stale fork, so parents are found by
     * hash) carries the bits the rule requires and meets them. It builds on the fixture's genesis, which must
     * therefore be Core's regtest genesis.
     */
    @Test
    void coresRegtestChainCarriesTheRequiredBits() {
        ChainParams regtest = ChainParamsFixtures.regtest();
        BlockHeader genesis = regtest.genesis().header();
        assertThat(regtest.genesisHash())
                .isEqualTo(Hash.fromHex("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206"));

        Map<Hash, ChainLink> index = new HashMap<>();
        index.put(regtest.genesisHash(), ChainLink.genesis(genesis.bits(), genesis.time()));
        for (Block block : TestData.regtest()) {
            BlockHeader h = block.header();
            ChainLink parent = index.get(h.prevBlock());
            assertThat(parent).as("parent of %s", block).isNotNull();
            assertThat(DifficultyAdjustment.nextWorkRequired(parent, h.time(), regtest)).as("%s", block)
                    .isEqualTo(h.bits());
            assertThat(ProofOfWork.checkProofOfWork(block.hash(), h.bits(), regtest)).as("%s", block).isTrue();
            index.put(block.hash(), parent.then(h.bits(), h.time() - parent.time()));
        }
        Hash best = Hash.fromHex("030f9c8501452d5a9a70aef52995449c3b47e536755ea6610f9ee56977cabd62");
        assertThat(index).hasSize(714);
        assertThat(index.get(best).height()).isEqualTo(711);
    }

    private static void assertNextBits(ChainParams p, String chain, long delay, String expected) {
        ChainLink last = ChainLink.parse(chain, SPACING);

        long next = DifficultyAdjustment.nextWorkRequired(last, last.time() + delay, p);

        assertThat(Long.toHexString(next)).isEqualTo(expected);
    }
}
