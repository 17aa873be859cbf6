package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jboss.logging.Logger;
import org.ubcs.identifiers.Identifiers;

/**
 * Customers recorded before identifiers had a normal form get one, made by the same rule the service now applies to
 * every write and lookup ({@link Identifiers}): phone numbers in E.164, the postcode as {@code CB3 0AP}, and the keys
 * names and emails are compared by. A stored phone number that cannot be recognised is kept as it was (and counted in
 * the log, without the number), so no data is lost; such a customer is still found by email, name and postcode, or id.
 */
// In db.migration, beside the SQL migrations: Quarkus runs only Java migrations inside Flyway's locations. And
// "implements JavaMigration" again: Quarkus finds them in its class index, which lacks Flyway's base class.
public class V6__Customer_identifiers_in_normal_form extends BaseJavaMigration implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(V6__Customer_identifiers_in_normal_form.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            // text: folding (NFKC) can make a key longer than what was typed
            ddl.execute("alter table customer add column name_key text, add column email_key text");
        }
        int unrecognised = normaliseCustomers(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table customer alter column name_key set not null, drop column phone_digits");
            ddl.execute("drop index if exists customer_email");
            ddl.execute("drop index if exists customer_postcode");
            ddl.execute("create index customer_email_key on customer (email_key)");
            ddl.execute("create index customer_phone on customer (phone)");
            ddl.execute("create index customer_name_key on customer (postcode_key, name_key)");
        }
        if (unrecognised > 0) {
            LOG.warnf("%d stored phone numbers could not be recognised and were kept as they were", unrecognised);
        }
    }

    /**
     * Rewrites every customer's identifiers in normal form; returns how many stored phone numbers could not be
     * recognised (kept as they were). Safe to run again.
     */
    public static int normaliseCustomers(Connection connection) throws SQLException {
        int unrecognised = 0;
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement("update customer set name_key = ?, "
                        + "email_key = ?, phone = ?, postcode = ?, postcode_key = ?, advocate_phone = ? where id = ?")) {
            select.setFetchSize(500);
            try (ResultSet rows = select.executeQuery(
                    "select id, full_name, email, phone, postcode, advocate_phone from customer")) {
                int batched = 0;
                while (rows.next()) {
                    String phone = rows.getString("phone");
                    String advocatePhone = rows.getString("advocate_phone");
                    String postcode = rows.getString("postcode");
                    unrecognised += unrecognised(phone) + unrecognised(advocatePhone);
                    update.setString(1, Identifiers.nameKey(rows.getString("full_name")));
                    update.setString(2, Identifiers.emailKey(rows.getString("email")));
                    update.setString(3, orAsWas(Identifiers.phone(phone), phone));
                    update.setString(4, orAsWas(Identifiers.postcode(postcode), postcode));
                    update.setString(5, Identifiers.postcodeKey(postcode));
                    update.setString(6, orAsWas(Identifiers.phone(advocatePhone), advocatePhone));
                    update.setObject(7, rows.getObject("id"));
                    update.addBatch();
                    if (++batched % 500 == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
        }
        return unrecognised;
    }

    private static int unrecognised(String phone) {
        return phone != null && Identifiers.phone(phone) == null ? 1 : 0;
    }

    private static String orAsWas(String normal, String given) {
        return normal != null ? normal : given;
    }
}
