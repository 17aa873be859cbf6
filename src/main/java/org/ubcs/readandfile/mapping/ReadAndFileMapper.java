package org.ubcs.readandfile.mapping;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Actor;
import org.ubcs.api.model.ReadAndFileItem;
import org.ubcs.api.model.ReadAndFileState;
import org.ubcs.api.model.Screening;
import org.ubcs.readandfile.domain.ReadAndFileItemEntity;

@ApplicationScoped
public class ReadAndFileMapper {

    public ReadAndFileItem toApi(ReadAndFileItemEntity item, LocalDate today) {
        ReadAndFileItem api = new ReadAndFileItem(item.id, item.customerId, item.restrictionId, item.channel,
                item.receivedAt.atOffset(ZoneOffset.UTC), item.dueOn, item.overdueOn(today),
                item.screened ? ReadAndFileState.SCREENED : ReadAndFileState.AWAITING_SCREENING);
        api.setCaseId(item.caseId);
        if (item.screening != null) {
            var s = item.screening;
            Screening screening = new Screening(s.outcome(), new Actor(s.screenedBy().subject(),
                    s.screenedBy().name()), s.screenedAt().atOffset(ZoneOffset.UTC));
            screening.setNotes(s.notes());
            api.setScreening(screening);
        }
        return api;
    }
}
