package org.ubcs.letter.mapping;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.Letter;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.api.model.LetterList;
import org.ubcs.letter.domain.LetterEntity;

@ApplicationScoped
public class LetterMapper {

    public Letter toApi(LetterEntity l) {
        Letter api = new Letter(l.id, l.kind,
                Arrays.stream(l.languages).map(LetterLanguage::valueOf).toList(), l.subject, l.html, l.bodyText,
                l.createdAt.atOffset(ZoneOffset.UTC));
        api.setCustomerId(l.customerId);
        api.setCaseId(l.caseId);
        api.setRegisterEntryId(l.registerEntryId);
        api.setSentOn(l.sentOn);
        return api;
    }

    public LetterList toApi(List<LetterEntity> letters) {
        return new LetterList(letters.stream().map(this::toApi).toList());
    }
}
