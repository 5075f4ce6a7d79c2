// The reference SLA service: ticketing webhooks in, timelines in SQLite, SLA status out, escalations delivered once.
//
//   dotnet run --project samples/SlaService
//   curl -X POST --data-binary @samples/mappings/jira-service-management/01-issue-created.json \
//        -H 'Content-Type: application/json' http://127.0.0.1:5080/webhooks/jira-service-management
//   curl http://127.0.0.1:5080/tickets/CC-142/sla
using SlaEngine.Samples.SlaService;

var app = SlaServiceApp.Build(args);
app.Run();
