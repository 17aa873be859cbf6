package org.ubcs.letter.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.letter.domain.LetterEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<LetterEntity, UUID> {

    /** The letters about a case, oldest first. */
    public Uni<List<LetterEntity>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** Every letter to a customer, with or without a case, oldest first. */
    public Uni<List<LetterEntity>> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt, id", customerId);
    }

    /**
     * Writes these new letters with one statement, whatever their number (they travel as one JSON parameter), none
     * handed to Hibernate. The session is flushed first: a letter refers to its customer, case or entry by a foreign
     * key.
     */
    public Uni<Void> insertAll(List<LetterEntity> written) {
        JsonArray rows = new JsonArray();
        for (LetterEntity l : written) {
            rows.add(new JsonObject().put("id", l.id.toString()).put("customer_id", text(l.customerId))
                    .put("case_id", text(l.caseId)).put("register_entry_id", text(l.registerEntryId))
                    .put("kind", l.kind.name()).put("languages", new JsonArray(List.of((Object[]) l.languages)))
                    .put("subject", l.subject).put("html", l.html).put("body_text", l.bodyText)
                    .put("created_at", l.createdAt.toString())
                    .put("sent_on", l.sentOn == null ? null : l.sentOn.toString())
                    .put("sent_by_subject", l.sentBySubject).put("sent_by_name", l.sentByName));
        }
        return getSession().flatMap(session -> session.flush().chain(() -> session.createNativeQuery(
                "insert into letter (id, customer_id, case_id, register_entry_id, kind, languages, subject, html, "
                        + "body_text, created_at, sent_on, sent_by_subject, sent_by_name, version) select id, "
                        + "customer_id, case_id, register_entry_id, kind, languages, subject, html, body_text, "
                        + "created_at, sent_on, sent_by_subject, sent_by_name, 0 "
                        // Typed text first: a parameter typed jsonb would take the Java string as one JSON string.
                        + "from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, customer_id uuid, "
                        + "case_id uuid, register_entry_id uuid, kind varchar, languages varchar[], subject varchar, "
                        + "html text, body_text text, created_at timestamptz, sent_on date, sent_by_subject varchar, "
                        + "sent_by_name varchar)")
                .setParameter("rows", rows.encode()).executeUpdate())).replaceWithVoid();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
