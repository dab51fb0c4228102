package io.solbot.launcher;

import io.solbot.core.engine.SolbotEngine;
import io.solbot.launcher.telegram.TelegramBot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Telegram for {@code run}: the chats that get alerts and may send commands; the token comes from {@value
 * TelegramBot#TOKEN_VARIABLE}, never from the command line, where {@code ps} would show it.
 */
final class TelegramOptions {
    @Option(
            names = "--telegram-chat",
            paramLabel = "CHAT_ID",
            description = "A Telegram chat that gets alerts and may send /status, /pause, /resume and /stop"
                    + " (repeatable); the bot's token comes from the environment variable "
                    + TelegramBot.TOKEN_VARIABLE + ".")
    List<Long> chats = new ArrayList<>();

    // for tests: the fake Bot API on 127.0.0.1
    @Option(names = "--telegram-api", paramLabel = "URL", hidden = true, defaultValue = "https://api.telegram.org")
    String api;

    /**
     * Checks the two halves agree before anything starts.
     *
     * @throws CommandLine.ParameterException if chats are given without a token or a token without chats
     */
    Optional<String> token(CommandLine cli) {
        String token = System.getenv(TelegramBot.TOKEN_VARIABLE);
        boolean hasToken = token != null && !token.isBlank();
        if (chats.isEmpty() && hasToken) {
            throw new CommandLine.ParameterException(
                    cli,
                    TelegramBot.TOKEN_VARIABLE + " is set but no --telegram-chat is given: name the chats that may"
                            + " get alerts and send commands");
        }
        if (!chats.isEmpty() && !hasToken) {
            throw new CommandLine.ParameterException(
                    cli,
                    "--telegram-chat needs the bot's token in the environment variable " + TelegramBot.TOKEN_VARIABLE);
        }
        return hasToken ? Optional.of(token.strip()) : Optional.empty();
    }

    TelegramBot bot(SolbotEngine engine, String token) {
        return new TelegramBot(engine, token, new LinkedHashSet<>(chats), api);
    }
}
