package org.minicoin.node.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sets up logging as bitcoind does: every line to {@code debug.log} in the network's data directory, and with
 * -printtoconsole to standard output too, each line starting with the UTC time.
 */
final class Logging {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss'Z',UTC} %msg%n";

    private Logging() {
    }

    static void configure(Path debugLog, boolean console, boolean debug) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(debug ? Level.DEBUG : Level.INFO);
        // Libraries stay quiet unless something is wrong.
        ctx.getLogger("io.netty").setLevel(Level.WARN);

        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(ctx);
        file.setName("debug.log");
        file.setFile(debugLog.toString());
        file.setAppend(true);
        file.setEncoder(encoder(ctx));
        file.start();
        root.addAppender(file);
        if (console) {
            ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
            out.setContext(ctx);
            out.setName("console");
            out.setEncoder(encoder(ctx));
            out.start();
            root.addAppender(out);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(PATTERN);
        e.start();
        return e;
    }
}
