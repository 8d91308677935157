package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.query.PageRequest;
import com.customerledger.query.inbox.FindInboxQuery;
import com.customerledger.query.inbox.InboxPage;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's door: the login page, and the home page with what the user's roles open. */
@Controller
class ConsoleController {

    private final CurrentActor currentActor;
    private final Reads reads;

    ConsoleController(CurrentActor currentActor, Reads reads) {
        this.currentActor = currentActor;
        this.reads = reads;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/console")
    String home(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("actor", actor);
        model.addAttribute("openItems", inbox(reads, actor, 1, null).total());
        return "home";
    }

    /** The user's open inbox items. */
    static InboxPage inbox(Reads reads, Actor actor, int size, Long minPosition) {
        return reads.query(new FindInboxQuery(actor.repId(), actor.userId(),
                actor.roles().stream().map(Role::name).collect(Collectors.toSet()), false, null, new PageRequest(0, size)),
                ResponseTypes.instanceOf(InboxPage.class), minPosition);
    }
}
