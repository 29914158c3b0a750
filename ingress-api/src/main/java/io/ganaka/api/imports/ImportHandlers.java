package io.ganaka.api.imports;

import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /imports}: read the request, call the service, write the answer. */
public final class ImportHandlers {

    private final ImportService imports;
    private final ImportUploads uploads;

    public ImportHandlers(ImportService imports, ImportUploads uploads) {
        this.imports = imports;
        this.uploads = uploads;
    }

    public void create(Context ctx) throws Exception {
        ImportUpload upload = uploads.read(ctx);
        ImportAccepted accepted = imports.start(Requests.principal(ctx).userId(), upload, Requests.requestId(ctx));
        ctx.status(202).header("Location", "/imports/" + accepted.id()).json(accepted);
    }

    public void get(Context ctx) throws Exception {
        ctx.json(imports.get(Requests.principal(ctx).userId(), ctx.pathParam("id")));
    }

    public void list(Context ctx) throws Exception {
        ctx.json(imports.list(Requests.principal(ctx).userId(), ctx.queryParam("cursor"), ctx.queryParam("limit")));
    }

    public void rows(Context ctx) throws Exception {
        ctx.json(imports.rows(Requests.principal(ctx).userId(), ctx.pathParam("id"), ctx.queryParam("outcome"),
                ctx.queryParam("cursor"), ctx.queryParam("limit")));
    }
}
