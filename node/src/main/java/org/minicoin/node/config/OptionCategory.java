package org.minicoin.node.config;

/** The groups of {@code -help}, in Core's order (OptionsCategory in common/args.h) and with Core's headings. */
public enum OptionCategory {
    OPTIONS("Options:"),
    CONNECTION("Connection options:"),
    DEBUG_TEST("Debugging/Testing options:"),
    CHAINPARAMS("Chain selection options:"),
    NODE_RELAY("Node relay options:"),
    BLOCK_CREATION("Block creation options:"),
    RPC("RPC server options:"),
    /** Accepted but not listed, like Core's {@code -h} and {@code -?}. */
    HIDDEN("");

    private final String heading;

    OptionCategory(String heading) {
        this.heading = heading;
    }

    /** The group's heading line in {@code -help}. */
    public String heading() {
        return heading;
    }
}
