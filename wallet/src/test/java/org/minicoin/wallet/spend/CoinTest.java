package org.minicoin.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoinTest {
    private final SpendFixtures f = new SpendFixtures();

    @Test
    void coinbaseNeedsMaturityPlusOneConfirmationsAsInCoresWallet() {
        assertThat(f.coin(50, true, 0, 99, true).spendable()).isFalse();
        assertThat(f.coin(50, true, 0, 100, true).spendable()).isFalse();
        assertThat(f.coin(50, true, 0, 101, true).spendable()).isTrue();
        assertThat(f.coin(50, true, 0, 11, true).spendable(10, true)).isTrue();
        assertThat(f.coin(50, true, 0, 10, true).isMature(10)).isFalse();
    }

    @Test
    void ordinaryCoinsNeedOneConfirmationUnlessOurOwnChange() {
        assertThat(f.coin(50, true, Coin.RECEIVE, 1, false).spendable()).isTrue();
        assertThat(f.coin(50, true, Coin.RECEIVE, 0, false).spendable(100, true)).isFalse();
        assertThat(f.coin(50, true, Coin.CHANGE, 0, false).spendable(100, false)).isFalse();
        assertThat(f.coin(50, true, Coin.CHANGE, 0, false).spendable(100, true)).isTrue();
    }

    @Test
    void scriptIsCopiedInAndOut() {
        Coin c = f.segwit(1000);
        byte[] spk = c.scriptPubKey();
        spk[0] = 0x51;
        assertThat(c.scriptPubKey()[0]).isZero();
        assertThat(c).isEqualTo(new Coin(c.outpoint(), c.value(), c.scriptPubKey(), c.chain(), c.index(),
                c.confirmations(), c.coinbase()));
    }
}
