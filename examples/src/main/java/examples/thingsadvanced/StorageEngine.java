package examples.thingsadvanced;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stand-in for a database: it makes things up. Falcon: {@code StorageEngine}. */
public class StorageEngine {

    /**
     * Returns a page of things after {@code marker}.
     *
     * @throws StorageError when the storage fails
     */
    public List<Map<String, Object>> getThings(String marker, int limit) throws StorageError {
        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("id", UUID.randomUUID().toString());
        thing.put("color", "green");
        List<Map<String, Object>> things = new ArrayList<>();
        things.add(thing);
        return things;
    }

    /**
     * Stores {@code thing}, giving it an {@code id}, and returns it.
     *
     * @throws StorageError when the storage fails
     */
    public Map<String, Object> addThing(Map<String, Object> thing) throws StorageError {
        thing.put("id", UUID.randomUUID().toString());
        return thing;
    }
}
