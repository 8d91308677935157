package com.customerledger.command;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;

/** Delivers events to an annotated event handler the way its processor would. */
public final class EventFeed {

    private EventFeed() {
    }

    public static void feed(Object handler, Object... events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        for (Object event : events) {
            try {
                adapter.handle(GenericEventMessage.asEventMessage(event));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
