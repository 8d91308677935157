package com.customerledger.api.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The queue pages' own refusals of bad input, in the user's language (the aggregates' refusals come as they are). */
@Component
class QueueTexts {

    private final MessageSource messages;

    QueueTexts(MessageSource messages) {
        this.messages = messages;
    }

    String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** "{field}: at most {max} characters". */
    String tooLong(String field, int max) {
        return say("problem.too-long", say("field." + field), String.valueOf(max));
    }

    /** "{field}: required, at most {max} characters". */
    String required(String field, int max) {
        return say("problem.required", say("field." + field), String.valueOf(max));
    }
}
