package org.minicoin.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.testing.RegtestChain;

/** Headers before blocks (headers-first sync, submitheader): header-only entries, blocks in any order, restarts. */
class HeadersFirstTest {
    @TempDir
    Path dir;

    /** {@code n} blocks on the tip of {@code rt}, built but not processed. */
    private static List<Block> branch(RegtestChain rt, int n) {
        List<Block> blocks = new ArrayList<>();
        Hash parent = rt.chain.tip().hash();
        int height = rt.chain.height();
        long time = rt.chain.tip().header().time();
        for (int i = 0; i < n; i++) {
            Block b = rt.build(parent, height + 1 + i, time, List.of(), 0);
            blocks.add(b);
            parent = b.hash();
            time = b.header().time();
        }
        return blocks;
    }

    @Test
    void headersComeFirstAndBlocksInReverseOrderConnectOnceTheChainBelowIsComplete() {
        try (RegtestChain rt = new RegtestChain(dir)) {
            List<Block> blocks = branch(rt, 10);
            for (Block b : blocks) {
                assertThat(rt.chain.processHeader(b.header())).isEqualTo(ChainState.Outcome.ACCEPTED);
            }
            assertThat(rt.chain.processHeader(blocks.get(3).header())).isEqualTo(ChainState.Outcome.DUPLICATE);
            assertThat(rt.chain.height()).isZero();
            assertThat(rt.chain.bestHeader().hash()).isEqualTo(blocks.get(9).hash());
            assertThat(rt.chain.entry(blocks.get(9).hash()).hasChainData()).isFalse();

            for (int i = 9; i >= 1; i--) {
                assertThat(rt.chain.processBlock(blocks.get(i))).isEqualTo(ChainState.Outcome.ACCEPTED);
                assertThat(rt.chain.height()).as("nothing connects while block 1 is missing").isZero();
            }
            rt.chain.processBlock(blocks.get(0));
            assertThat(rt.chain.height()).isEqualTo(10);
            assertThat(rt.chain.tip().hash()).isEqualTo(blocks.get(9).hash());
            assertThat(rt.chain.tip().chainTxCount()).isEqualTo(11); // genesis and ten coinbases
            assertThat(rt.chain.processBlock(blocks.get(5))).isEqualTo(ChainState.Outcome.DUPLICATE);
        }
    }

    @Test
    void headerOnlyEntriesAndEarlyBlocksSurviveARestart() {
        List<Block> blocks;
        try (RegtestChain rt = new RegtestChain(dir)) {
            blocks = branch(rt, 8);
            blocks.forEach(b -> rt.chain.processHeader(b.header()));
            for (int i = 4; i < 8; i++) {
                rt.chain.processBlock(blocks.get(i));
            }
            assertThat(rt.chain.height()).isZero();
        }
        try (RegtestChain rt = new RegtestChain(dir)) {
            assertThat(rt.chain.height()).isZero();
            assertThat(rt.chain.bestHeader().hash()).isEqualTo(blocks.get(7).hash());
            for (int i = 0; i < 4; i++) {
                rt.chain.processBlock(blocks.get(i));
            }
            assertThat(rt.chain.height()).isEqualTo(8);
            assertThat(rt.chain.tip().hash()).isEqualTo(blocks.get(7).hash());
        }
    }

    @Test
    void aHeaderNeedsAKnownParentAndValidProofOfWork() {
        try (RegtestChain rt = new RegtestChain(dir)) {
            List<Block> blocks = branch(rt, 2);
            assertThatThrownBy(() -> rt.chain.processHeader(blocks.get(1).header()))
                    .isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).code()).isEqualTo("prev-blk-not-found");
            var header = blocks.get(0).header();
            var unsolved = header.withNonce(header.nonce());
            while (org.minicoin.consensus.pow.ProofOfWork.checkProofOfWork(unsolved.hash(), unsolved.bits(),
                    rt.params)) {
                unsolved = unsolved.withNonce(unsolved.nonce() + 1);
            }
            var bad = unsolved;
            assertThatThrownBy(() -> rt.chain.processHeader(bad)).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).code()).isEqualTo("high-hash");
            assertThat(rt.chain.entry(bad.hash())).isNull();
        }
    }
}
