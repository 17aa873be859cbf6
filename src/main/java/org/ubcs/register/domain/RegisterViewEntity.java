package org.ubcs.register.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One view of an entry: who, when, how and why. Written, never changed. */
@Entity
@Table(name = "register_view")
public class RegisterViewEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID entryId;
    public String viewerSubject;
    public String viewerName;
    @Enumerated(EnumType.STRING)
    public RegisterViewPurpose purpose;
    @Enumerated(EnumType.STRING)
    public RegisterViewVia via;
    public Instant viewedAt;
}
