using SchemaRegistry.Server.Hosting;

// The registry server: Confluent REST API at /, native API at /api/v1, on the embedded SQLite store by default.
var builder = WebApplication.CreateBuilder(CommandLine.Normalize(args));
builder.AddRegistry();
builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "LLM Schema Registry";
    document.Info.Description = "Confluent-compatible schema registry for LLM platforms. The native API lives under /api/v1; errors there are RFC 7807 problem documents.";
    document.Info.Version = "v1";
    return Task.CompletedTask;
}));

var app = builder.Build();
AnonymousAccessGuard.EnforceAtStartup(app);
app.MapRegistry();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
