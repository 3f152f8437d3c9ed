package org.minicoin.node.config;

import static org.minicoin.node.config.OptionSpec.Flag.DISALLOW_ELISION;
import static org.minicoin.node.config.OptionSpec.Flag.DISALLOW_NEGATION;
import static org.minicoin.node.config.OptionSpec.Flag.NETWORK_ONLY;
import static org.minicoin.node.config.OptionSpec.Flag.REPEATABLE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.minicoin.genesis.spec.ChainSpec;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * Every option minicoind accepts, with the help texts and defaults of Core's SetupServerArgs (init.cpp,
 * init/common.cpp, chainparamsbase.cpp) where Core has the option, and the {@code -help} text generated from them.
 */
public final class OptionTable {
    /** The config file read from the data directory unless {@code -conf} says otherwise. */
    public static final String CONF_FILENAME = "minicoin.conf";

    private static final int SCREEN_WIDTH = 79;
    private static final int OPT_INDENT = 2;
    private static final int MSG_INDENT = 7;

    private static final Map<String, OptionSpec> OPTIONS = build().stream()
            .collect(Collectors.toUnmodifiableMap(OptionSpec::name, Function.identity()));

    private OptionTable() {
    }

    /** The option called {@code name} (without dash), if there is one. */
    public static Optional<OptionSpec> find(String name) {
        return Optional.ofNullable(OPTIONS.get(name));
    }

    /** Every option, hidden aliases included. */
    public static Collection<OptionSpec> all() {
        return OPTIONS.values();
    }

    /**
     * The {@code -help} text: a usage line, then each group under Core's heading and, within a group, the options
     * sorted by name, each help text wrapped to 79 columns as Core's HelpMessageOpt does.
     */
    public static String helpText() {
        StringBuilder sb = new StringBuilder("Usage: minicoind [options]\n\n");
        Map<OptionCategory, List<OptionSpec>> groups = new TreeMap<>();
        for (OptionSpec spec : OPTIONS.values()) {
            groups.computeIfAbsent(spec.category(), c -> new ArrayList<>()).add(spec);
        }
        groups.forEach((category, specs) -> {
            if (category == OptionCategory.HIDDEN) {
                return;
            }
            sb.append(category.heading()).append("\n\n");
            specs.sort(Comparator.comparing(OptionSpec::name));
            for (OptionSpec spec : specs) {
                sb.append(" ".repeat(OPT_INDENT)).append('-').append(spec.name()).append(spec.param()).append('\n')
                        .append(helpParagraph(spec.help()))
                        .append("\n\n");
            }
        });
        return sb.toString();
    }

    /** An option's help text as Core's -help shows it: indented, and wrapped to the screen width. */
    public static String helpParagraph(String text) {
        return " ".repeat(MSG_INDENT) + wrap(text, SCREEN_WIDTH - MSG_INDENT);
    }

    /** Words joined into lines of at most {@code width} characters, continuation lines indented like the first. */
    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n').append(" ".repeat(MSG_INDENT));
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    private static List<OptionSpec> build() {
        ChainSpec main = ChainSpecs.builtIn("main");
        ChainSpec regtest = ChainSpecs.builtIn("regtest");
        ChainSpec devnet = ChainSpecs.builtIn("devnet");
        return List.of(
                // Options (init.cpp)
                string("conf", "=<file>", "Specify path to read-only configuration file. Relative paths will be "
                        + "prefixed by datadir location (only useable from command line, not configuration file) "
                        + "(default: " + CONF_FILENAME + ")", OptionCategory.OPTIONS, CONF_FILENAME),
                string("datadir", "=<dir>", "Specify data directory (default: ~/.minicoin)",
                        OptionCategory.OPTIONS, null).with(DISALLOW_NEGATION),
                integer("dbcache", "=<n>", "Maximum database cache size <n> MiB (minimum 4, default: 450). Make sure "
                        + "you have enough RAM.", OptionCategory.OPTIONS, 450, 4, Integer.MAX_VALUE),
                bool("help", "Print this help message and exit (also -h or -?)", OptionCategory.OPTIONS, false),
                string("loadblock", "=<file>", "Imports blocks from an external file on startup. This option can be "
                        + "specified multiple times", OptionCategory.OPTIONS, null).with(REPEATABLE),
                integer("maxmempool", "=<n>", "Keep the transaction memory pool below <n> megabytes (default: 300)",
                        OptionCategory.OPTIONS, 300, 5, Integer.MAX_VALUE)
                        // Core's message (node/mempool_args.cpp), with our fixed minimum.
                        .withRangeError("-maxmempool must be at least 5 MB"),
                string("pid", "=<file>", "Specify pid file. Relative paths will be prefixed by a net-specific "
                        + "datadir location. (default: minicoind.pid)", OptionCategory.OPTIONS, "minicoind.pid"),
                bool("reindex", "If enabled, wipe chain state and block index, and rebuild them from blk*.dat files "
                        + "on disk.", OptionCategory.OPTIONS, false),
                bool("txindex", "Maintain a full transaction index, used by the getrawtransaction rpc call "
                        + "(default: 0)", OptionCategory.OPTIONS, false),
                bool("version", "Print version and exit", OptionCategory.OPTIONS, false),

                // Connection options
                string("addnode", "=<ip>", "Add a node to connect to and attempt to keep the connection open (see "
                        + "the addnode RPC help for more info). This option can be specified multiple times to add "
                        + "multiple nodes.", OptionCategory.CONNECTION, null).with(REPEATABLE, NETWORK_ONLY),
                string("bind", "=<addr>[:<port>]", "Bind to given address and always listen on it (default: "
                        + "0.0.0.0). Use [host]:port notation for IPv6. This option can be specified multiple times",
                        OptionCategory.CONNECTION, null).with(REPEATABLE, NETWORK_ONLY),
                string("connect", "=<ip>", "Connect only to the specified node; -noconnect disables automatic "
                        + "connections (the rules for this peer are the same as for -addnode). This option can be "
                        + "specified multiple times to connect to multiple nodes.", OptionCategory.CONNECTION, null)
                        .with(REPEATABLE, NETWORK_ONLY),
                bool("listen", "Accept connections from outside (default: 1 if no -connect or -maxconnections=0)",
                        OptionCategory.CONNECTION, true),
                integer("maxconnections", "=<n>", "Maintain at most <n> automatic connections to peers (default: "
                        + "125). This limit does not apply to connections manually added via -addnode or the "
                        + "addnode RPC.", OptionCategory.CONNECTION, 125, 0, Integer.MAX_VALUE),
                port("port", "Listen for connections on <port>", main.p2pPort(), regtest.p2pPort(),
                        devnet.p2pPort(), OptionCategory.CONNECTION),
                string("seednode", "=<ip>", "Connect to a node to retrieve peer addresses, and disconnect. This "
                        + "option can be specified multiple times to connect to multiple nodes.",
                        OptionCategory.CONNECTION, null).with(REPEATABLE),

                // Debugging/Testing options (init/common.cpp)
                string("debug", "=<category>", "Output debug and trace logging (default: -nodebug, supplying "
                        + "<category> is optional). If <category> is not supplied or if <category> is 1 or \"all\", "
                        + "output all debug logging. If <category> is 0 or \"none\", any other categories are "
                        + "ignored. This option can be specified multiple times to output multiple categories.",
                        OptionCategory.DEBUG_TEST, null).with(REPEATABLE),
                // Core's default is 1 when not running as a daemon; minicoind never detaches.
                bool("printtoconsole", "Send trace/debug info to console (default: 1)", OptionCategory.DEBUG_TEST,
                        true),
                integer("stopatheight", "=<n>", "Stop running after reaching the given height in the main chain "
                        + "(default: 0). Blocks after target height may be processed during shutdown.",
                        OptionCategory.DEBUG_TEST, 0, 0, Integer.MAX_VALUE),

                // Chain selection options (chainparamsbase.cpp)
                string("chain", "=<chain>", "Use the chain <chain> (default: main). Allowed values: "
                        + String.join(", ", ChainSpecs.BUILT_IN) + ", or the path of a chain spec file",
                        OptionCategory.CHAINPARAMS, null).with(DISALLOW_NEGATION, DISALLOW_ELISION),
                bool("regtest", "Enter regression test mode, which uses a special chain in which blocks can be "
                        + "solved instantly. This is intended for regression testing tools and app development. "
                        + "Equivalent to -chain=regtest.", OptionCategory.CHAINPARAMS, false),

                // Node relay options. The default is Core v29's DEFAULT_MIN_RELAY_TX_FEE (1000 sat/kvB), as policy.
                new OptionSpec("minrelaytxfee", "=<amt>", "Fees (in coins/kvB) smaller than this are considered "
                        + "zero fee for relaying, mining and transaction creation (default: 0.00001)",
                        OptionCategory.NODE_RELAY, OptionType.AMOUNT, "0.00001", 0, 0, null,
                        Set.of(DISALLOW_NEGATION, DISALLOW_ELISION)),

                // Block creation options: Core dropped its miner in 0.13; these follow the options it had.
                bool("gen", "Generate coins: mine blocks paying to -mineraddress (default: 0)",
                        OptionCategory.BLOCK_CREATION, false),
                integer("genproclimit", "=<n>", "Set the number of threads for coin generation if enabled (-1 = all "
                        + "cores, default: 1)", OptionCategory.BLOCK_CREATION, 1, -1, Integer.MAX_VALUE),
                string("mineraddress", "=<addr>", "Address that blocks mined with -gen pay to",
                        OptionCategory.BLOCK_CREATION, null),

                // RPC server options (init.cpp)
                bool("rest", "Accept public REST requests (default: 0)", OptionCategory.RPC, false),
                string("rpcallowip", "=<ip>", "Allow JSON-RPC connections from specified source. Valid values for "
                        + "<ip> are a single IP (e.g. 1.2.3.4), a network/netmask (e.g. 1.2.3.4/255.255.255.0), a "
                        + "network/CIDR (e.g. 1.2.3.4/24), all ipv4 (0.0.0.0/0), or all ipv6 (::/0). This option "
                        + "can be specified multiple times", OptionCategory.RPC, null).with(REPEATABLE),
                string("rpcauth", "=<userpw>", "Username and HMAC-SHA-256 hashed password for JSON-RPC connections. "
                        + "The field <userpw> comes in the format: <USERNAME>:<SALT>$<HASH>. The client then "
                        + "connects normally using the rpcuser=<USERNAME>/rpcpassword=<PASSWORD> pair of "
                        + "arguments. This option can be specified multiple times", OptionCategory.RPC, null)
                        .with(REPEATABLE),
                string("rpcbind", "=<addr>[:port]", "Bind to given address to listen for JSON-RPC connections. Do "
                        + "not expose the RPC server to untrusted networks such as the public internet! This option "
                        + "is ignored unless -rpcallowip is also passed. Port is optional and overrides -rpcport. "
                        + "Use [host]:port notation for IPv6. This option can be specified multiple times (default: "
                        + "127.0.0.1 and ::1 i.e., localhost)", OptionCategory.RPC, null)
                        .with(REPEATABLE, NETWORK_ONLY),
                string("rpccookiefile", "=<loc>", "Location of the auth cookie. Relative paths will be prefixed by a "
                        + "net-specific datadir location. (default: data dir)", OptionCategory.RPC, ".cookie"),
                string("rpcpassword", "=<pw>", "Password for JSON-RPC connections", OptionCategory.RPC, null),
                port("rpcport", "Listen for JSON-RPC connections on <port>", main.rpcPort(), regtest.rpcPort(),
                        devnet.rpcPort(), OptionCategory.RPC),
                integer("rpcthreads", "=<n>", "Set the number of threads to service RPC calls (default: 16)",
                        OptionCategory.RPC, 16, 1, Integer.MAX_VALUE),
                string("rpcuser", "=<user>", "Username for JSON-RPC connections", OptionCategory.RPC, null),
                integer("rpcworkqueue", "=<n>", "Set the maximum depth of the work queue to service RPC calls "
                        + "(default: 64)", OptionCategory.RPC, 64, 1, Integer.MAX_VALUE),
                // bitcoind soft-sets -server=1 (bitcoind.cpp); minicoind has no GUI, so it is simply the default.
                bool("server", "Accept command line and JSON-RPC commands (default: 1)", OptionCategory.RPC, true),

                // Core's hidden aliases of -help.
                bool("h", "", OptionCategory.HIDDEN, false),
                bool("?", "", OptionCategory.HIDDEN, false));
    }

    private static OptionSpec bool(String name, String help, OptionCategory category, boolean defaultValue) {
        return new OptionSpec(name, "", help, category, OptionType.BOOL, defaultValue ? "1" : "0", 0, 0, null,
                Set.of());
    }

    private static OptionSpec string(String name, String param, String help, OptionCategory category,
                                     String defaultValue) {
        return new OptionSpec(name, param, help, category, OptionType.STRING, defaultValue, 0, 0, null, Set.of());
    }

    /** An integer option; {@code -noname} and a bare {@code -name} say nothing about a number, so both are errors. */
    private static OptionSpec integer(String name, String param, String help, OptionCategory category,
                                      long defaultValue, long min, long max) {
        return new OptionSpec(name, param, help, category, OptionType.INT, Long.toString(defaultValue), min, max,
                null, Set.of(DISALLOW_NEGATION, DISALLOW_ELISION));
    }

    /** A port whose default is the network's, from the built-in chain specs. */
    private static OptionSpec port(String name, String help, int main, int regtest, int devnet,
                                   OptionCategory category) {
        return new OptionSpec(name, "=<port>", help + " (default: " + main + ", regtest: " + regtest + ", devnet: "
                + devnet + ")", category, OptionType.INT, null, 1, 65535,
                // Core's InvalidPortErrMsg (common/messages.cpp).
                "Invalid port specified in -" + name + ": '%s'",
                Set.of(DISALLOW_NEGATION, DISALLOW_ELISION, NETWORK_ONLY));
    }
}
