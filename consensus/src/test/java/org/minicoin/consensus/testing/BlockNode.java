package org.minicoin.consensus.testing;

import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.types.BlockHeader;

/** A minimal block index for tests: a header at a height, linked to its parent. */
public record BlockNode(BlockHeader header, int height, BlockNode parent) implements ChainHistory {
    public static BlockNode genesis(BlockHeader header) {
        return new BlockNode(header, 0, null);
    }

    public BlockNode child(BlockHeader childHeader) {
        return new BlockNode(childHeader, height + 1, this);
    }

    @Override
    public long bits() {
        return header.bits();
    }

    @Override
    public long time() {
        return header.time();
    }

    @Override
    public ChainHistory previous() {
        return parent;
    }
}
