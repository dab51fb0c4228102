package io.solbot.core.engine;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import java.util.List;

/** A {@link BotSpec} was missing a value or held one out of range; the message lists every problem. */
public final class InvalidBotSpecException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    InvalidBotSpecException(BotId botId, List<String> problems) {
        super((botId == null ? "The bot spec" : "The spec of bot '" + botId + "'") + " is invalid: "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    InvalidBotSpecException(BotId botId, String problem) {
        this(botId, List.of(problem));
    }

    /** Each problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
