package org.minicoin.node.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.config.ConfigException;
import org.minicoin.node.config.Options;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.p2p.addr.AddrRelay;
import org.minicoin.node.p2p.net.ConnectionManager;
import org.minicoin.node.p2p.sync.BlockSync;
import org.minicoin.node.p2p.sync.TxRelay;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.rpc.methods.RpcMethods;
import org.minicoin.node.rpc.server.RpcServer;
import org.minicoin.node.rpc.server.RpcServerConfig;
import org.minicoin.node.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code minicoind}, the full node daemon, with bitcoind's options. It opens the node in
 * {@code <datadir>/<network>/}, imports -loadblock files, and runs until SIGTERM or Ctrl-C (or -stopatheight),
 * then shuts down cleanly: the mempool and fee estimates are saved and the chain state flushed.
 *
 * <p>Exit codes: 0 after a clean shutdown, 1 for bad options or a failure to start.
 */
public final class Minicoind {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");

    private Minicoind() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
            if (options.helpRequested()) {
                out.print(Options.helpText());
                return 0;
            }
            if (options.getBool("version")) {
                out.println("minicoind version " + version());
                return 0;
            }
            options = options.withConfigFile();
            for (String warning : options.warnings()) {
                err.println("Warning: " + warning);
            }
        } catch (ConfigException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        Node node;
        Node.Settings settings;
        byte[] mineTo;
        RpcServerConfig rpcConfig;
        try {
            // Every option is checked before anything is written to the data directory.
            settings = settings(options);
            mineTo = options.getBool("gen") ? mineAddress(options, settings.params()) : null;
            rpcConfig = options.getBool("server") ? RpcServerConfig.from(options) : null;
            Files.createDirectories(settings.networkDir());
            Logging.configure(settings.networkDir().resolve("debug.log"), options.getBool("printtoconsole"),
                    !options.getAll("debug").isEmpty());
            LOG.info("minicoind version {} starting on {} in {}", version(), settings.params().name(),
                    settings.networkDir());
            node = Node.open(settings, options.getBool("reindex"));
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (StorageException | IOException e) {
            err.println("Error: " + e.getMessage());
            LOG.error("Startup failed: {}", e.getMessage());
            return 1;
        }

        CountDownLatch shutdown = new CountDownLatch(1);
        RpcServer rpc = null;
        if (rpcConfig != null) {
            try {
                rpcConfig.warnings().forEach(w -> LOG.warn(w));
                rpc = RpcServer.start(rpcConfig, RpcMethods.registry(node, shutdown::countDown),
                        options.getBool("rest") ? new RestApi(node) : null);
                LOG.info("RPC server listening on port {}", rpc.port());
            } catch (IOException | RuntimeException e) {
                err.println("Error: Unable to start HTTP server. " + e.getMessage());
                LOG.error("Unable to start HTTP server: {}", e.getMessage());
                shutDown(node, null, null);
                return 1;
            }
        }
        RpcServer rpcServer = rpc;
        try {
            BlockSync sync = new BlockSync(node.chain());
            TxRelay relay = new TxRelay(node.mempool(), node.chain()::isInitialBlockDownload,
                    new java.security.SecureRandom());
            node.chain().addListener(relay);
            scheduleReattempts(relay);
            AddrRelay addrRelay = new AddrRelay(node.addressManager(), node.banList(),
                    org.minicoin.node.p2p.peer.Clock.SYSTEM, new java.security.SecureRandom());
            ConnectionManager connections = ConnectionManager.start(settings.params(),
                    p2pSettings(options, settings.params()), node.banList(), node.addressManager(),
                    () -> node.chain().height(), org.minicoin.node.p2p.peer.PeerListener.all(sync, relay, addrRelay));
            sync.setNetwork(connections);
            relay.setNetwork(connections);
            addrRelay.setNetwork(connections);
            node.setConnections(connections);
            node.setAddrRelay(addrRelay);
            node.setBlockSync(sync);
        } catch (IOException | RuntimeException e) {
            err.println("Error: " + e.getMessage());
            LOG.error("{}", e.getMessage());
            shutDown(node, rpcServer, null);
            return 1;
        }
        Path pidFile = options.getPath("pid").orElse(null);
        if (pidFile != null) {
            try {
                org.minicoin.node.store.AtomicFile.write(pidFile,
                        (ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException e) {
                LOG.warn("Unable to create the PID file {}: {}", pidFile, e.getMessage());
            }
        }
        // SIGTERM and Ctrl-C ask the main thread to shut down, so it can finish cleanly and exit with 0 as
        // bitcoind does. The hook covers any other way the JVM ends while the node is open.
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> shutdown.countDown());
        }
        Thread hook = new Thread(() -> shutDown(node, rpcServer, pidFile), "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int stopAtHeight = options.isSet("stopatheight") ? options.getInt("stopatheight") : 0;
        if (stopAtHeight > 0) {
            node.chain().addListener(new ChainListener() {
                @Override
                public void tipChanged(BlockIndexEntry tip) {
                    if (tip.height() >= stopAtHeight) {
                        LOG.info("Reached -stopatheight={}; shutting down", stopAtHeight);
                        shutdown.countDown();
                    }
                }
            });
        }
        try {
            for (String file : options.getAll("loadblock")) {
                if (shutdown.getCount() == 0) {
                    break;
                }
                node.importBlocks(Path.of(file));
            }
            LOG.info("Done loading");
            if (mineTo != null) {
                int threads = options.getInt("genproclimit");
                if (threads < 0) {
                    threads = Runtime.getRuntime().availableProcessors();
                }
                if (threads > 0) {
                    node.mining().startBackground(threads, mineTo);
                }
            }
            if (stopAtHeight > 0 && node.chain().height() >= stopAtHeight) {
                shutdown.countDown();
            }
            shutdown.await();
        } catch (IOException e) {
            LOG.error("Block import failed: {}", e.getMessage());
            err.println("Error: block import failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutDown(node, rpcServer, pidFile);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it has shut the node down too.
        }
        return 0;
    }

    private static void shutDown(Node node, RpcServer rpc, Path pidFile) {
        synchronized (node) {
            if (node.isClosed()) {
                return;
            }
            LOG.info("Shutdown: in progress...");
            if (rpc != null) {
                rpc.close(); // stops new calls, finishes running ones, deletes the cookie
            }
            node.close();
            if (pidFile != null) {
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException e) {
                    LOG.warn("Unable to remove the PID file {}: {}", pidFile, e.getMessage());
                }
            }
            LOG.info("Shutdown: done");
        }
    }

    /** The node's settings from the options; a bad chain name or value is a ConfigException. */
    static Node.Settings settings(Options options) {
        ChainParams params;
        try {
            params = ChainSpecs.params(options.chain());
        } catch (RuntimeException e) {
            throw new ConfigException("Invalid -chain '" + options.chain() + "': " + e.getMessage());
        }
        long dbcache = (long) options.getInt("dbcache") << 20;
        Mempool.Options mempool = Mempool.Options.defaults().withMaxBytes((long) options.getInt("maxmempool") << 20);
        mempool = mempool.withMinRelayFee(new FeeRate(options.getAmount("minrelaytxfee").sats()));
        return new Node.Settings(params, options.networkDir(), dbcache, mempool, true, options.getBool("txindex"));
    }

    /**
     * The P2P settings: listening on -bind (default all interfaces) at -port unless -listen=0 (which -connect implies,
     * as in Core), -connect and -addnode peers with the network's default port, -maxconnections.
     */
    /** Core schedules ReattemptInitialBroadcast every 10 to 15 minutes, on its scheduler thread. */
    private static void scheduleReattempts(TxRelay relay) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "unbroadcast");
                    t.setDaemon(true);
                    return t;
                });
        Runnable[] again = new Runnable[1];
        again[0] = () -> {
            try {
                relay.reattemptInitialBroadcast();
            } catch (RuntimeException e) {
                LOG.warn("re-announcing unbroadcast transactions: {}", e.toString());
            }
            timer.schedule(again[0], relay.nextReattemptDelayMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        };
        timer.schedule(again[0], relay.nextReattemptDelayMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    static ConnectionManager.Settings p2pSettings(Options options, ChainParams params) {
        int port = options.getInt("port");
        boolean listen = options.isSet("listen") ? options.getBool("listen") : options.getAll("connect").isEmpty();
        List<InetSocketAddress> bind = new ArrayList<>();
        if (listen) {
            List<String> binds = options.getAll("bind");
            if (binds.isEmpty()) {
                bind.add(new InetSocketAddress(port));
            }
            for (String b : binds) {
                bind.add(hostPort(b, port, "-bind"));
            }
        }
        List<InetSocketAddress> connect = new ArrayList<>();
        for (String c : options.getAll("connect")) {
            connect.add(hostPort(c, params.p2pPort(), "-connect"));
        }
        List<InetSocketAddress> addNodes = new ArrayList<>();
        for (String a : options.getAll("addnode")) {
            addNodes.add(hostPort(a, params.p2pPort(), "-addnode"));
        }
        List<InetSocketAddress> seedNodes = new ArrayList<>();
        for (String a : options.getAll("seednode")) {
            seedNodes.add(hostPort(a, params.p2pPort(), "-seednode"));
        }
        return new ConnectionManager.Settings(bind, connect, addNodes, seedNodes, options.getInt("maxconnections"),
                "/minicoin:" + version() + "/");
    }

    private static InetSocketAddress hostPort(String text, int defaultPort, String option) {
        try {
            return org.minicoin.node.p2p.net.HostPort.parse(text, defaultPort);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid port specified in " + option + ": '" + text + "'");
        }
    }

    /** The output script -gen pays to, from -mineraddress (required with -gen: the node holds no keys). */
    private static byte[] mineAddress(Options options, ChainParams params) {
        String address = options.getString("mineraddress").orElseThrow(
                () -> new ConfigException("-gen requires -mineraddress=<address>: the node keeps no wallet"));
        try {
            return Address.toScriptPubKey(address, params);
        } catch (AddressException e) {
            throw new ConfigException("Invalid -mineraddress '" + address + "': " + e.getMessage());
        }
    }

    public static String version() {
        String v = Minicoind.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
