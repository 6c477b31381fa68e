// What nearly every test file needs: xunit, the shared harness, HTTP status codes, timing, JSON and HTML parsing.
global using System.Diagnostics;
global using System.Globalization;
global using System.Net;
global using System.Text;
global using System.Text.Json;
global using AngleSharp.Html.Dom;
global using AngleSharp.Html.Parser;
global using ComparisonSite.Tests.Infrastructure;
global using Xunit;
