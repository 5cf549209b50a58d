namespace SchemaRegistry.Server.Http;

/// <summary>
/// Subject names may contain '/', which clients send encoded as %2F. ASP.NET keeps %2F encoded in route values (so
/// it cannot split a segment); this decodes it once the route is matched, so the subject is the name the client meant.
/// </summary>
internal sealed class EncodedSlashMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.RouteValues.TryGetValue("subject", out var value) && value is string subject &&
            subject.Contains('%', StringComparison.Ordinal))
        {
            context.Request.RouteValues["subject"] = Uri.UnescapeDataString(subject);
        }
        return next(context);
    }
}
