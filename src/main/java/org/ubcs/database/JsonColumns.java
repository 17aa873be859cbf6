package org.ubcs.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.type.descriptor.java.JavaType;

import io.vertx.core.json.JsonObject;

/**
 * A value of a JSON column as Hibernate writes it, for a statement that writes the column itself (a job's batch in
 * one statement rather than through entities): the same format mapper (dates as arrays, instants as seconds), then
 * the Vert.x JSON object Hibernate Reactive binds. So a row written either way reads and compares the same.
 */
@ApplicationScoped
public class JsonColumns {

    @Inject
    Mutiny.SessionFactory factory;

    private volatile SessionFactoryImplementor hibernate;

    /** The JSON object Hibernate would bind for {@code value} in a column mapped as JSON. */
    @SuppressWarnings("unchecked")
    public <T> JsonObject write(T value) {
        SessionFactoryImplementor sf = hibernate();
        JavaType<T> type = (JavaType<T>) sf.getTypeConfiguration().getJavaTypeRegistry()
                .resolveDescriptor(value.getClass());
        return new JsonObject(sf.getSessionFactoryOptions().getJsonFormatMapper()
                .toString(value, type, sf.getWrapperOptions()));
    }

    private SessionFactoryImplementor hibernate() {
        SessionFactoryImplementor sf = hibernate;
        if (sf == null) {
            sf = ((MappingMetamodel) factory.getMetamodel()).getTypeConfiguration().getSessionFactory();
            hibernate = sf;
        }
        return sf;
    }
}
