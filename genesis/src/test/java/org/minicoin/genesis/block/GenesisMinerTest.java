package org.minicoin.genesis.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.BlockHeader;

class GenesisMinerTest {
    private static BlockHeader bitcoinHeader(long time, long bits, long nonce) {
        return GenesisBlock.build(1, time, bits, nonce, GenesisBlockTest.TIMES, GenesisBlockTest.SATOSHI_KEY_SCRIPT,
                Amount.ofCoins(50)).header();
    }

    @Test
    void aHeaderThatAlreadyMeetsItsTargetCostsOneHash() {
        GenesisMiner.Result r = GenesisMiner.mine(bitcoinHeader(1296688602, 0x207fffffL, 2));

        assertThat(r.hashes()).isEqualTo(1);
        assertThat(r.header().hash().toString())
                .isEqualTo("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
    }

    @Test
    void findsSatoshisNonceFromJustBelowIt() {
        GenesisMiner.Result r = GenesisMiner.mine(bitcoinHeader(1231006505, 0x1d00ffffL, 2083236893L - 2000));

        assertThat(r.header().nonce()).isEqualTo(2083236893L);
        assertThat(r.hashes()).isEqualTo(2001);
    }

    @Test
    void bumpsTheTimeWhenTheNonceSpaceIsExhausted() {
        long bits = 0x207fffffL;
        BigInteger target = CompactTarget.decode(bits).target();
        // A time at which the last nonce fails, so the miner must move on to the next second.
        long time = 1_700_000_000L;
        while (GenesisMiner.meetsTarget(bitcoinHeader(time, bits, 0xffffffffL), target)) {
            time++;
        }

        GenesisMiner.Result r = GenesisMiner.mine(bitcoinHeader(time, bits, 0xffffffffL));

        assertThat(r.header().time()).isEqualTo(time + 1);
        assertThat(r.hashes()).isEqualTo(1 + r.header().nonce() + 1);
        assertThat(GenesisMiner.meetsTarget(r.header(), target)).isTrue();
    }

    @Test
    void rejectsBitsWithoutAPositiveTarget() {
        assertThatThrownBy(() -> GenesisMiner.mine(bitcoinHeader(0, 0x01800001L, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("01800001");
    }
}
