package org.minicoin.devnet.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One node of the devnet as recorded in the state file: its index, loopback ports, the address its mined blocks
 * pay (its wallet's first receive address), whether it mines, and the pid of its last started process.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class NodeState {
    public int index;
    public int p2pPort;
    public int rpcPort;
    public boolean miner;
    public String miningAddress;
    /** The process id of the last start, or 0 if never started; check it with {@code NodeProcess.alive}. */
    public long pid;

    public NodeState() {
    }

    public NodeState(int index, int p2pPort, int rpcPort, boolean miner) {
        this.index = index;
        this.p2pPort = p2pPort;
        this.rpcPort = rpcPort;
        this.miner = miner;
    }

    /** The address peers connect to: {@code 127.0.0.1:<p2p port>}. */
    public String p2pAddress() {
        return "127.0.0.1:" + p2pPort;
    }
}
