using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SchemaRegistry.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point (BenchmarkDotNet's switcher picks the benchmarks from the command line).</summary>
public partial class Program;
