// Klaxon's default email bodies: an HTML mail of our own design (table layout and inline CSS
// only, no external assets, so it renders in common mail clients) and a plain-text twin.
// The HTML one runs with html/template escaping: every label and annotation is escaped.
export const EMAIL_TEMPLATES = String.raw`
{{- define "__klaxon_email_alert_html" -}}
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;">
<div style="font-size:15px;font-weight:600;color:#111827;margin:0 0 8px 0;">{{ if .Labels.alertname }}{{ .Labels.alertname }}{{ else }}Alert{{ end }}
{{- if eq .Status "firing" }} <span style="font-size:12px;font-weight:600;color:#b91c1c;">firing since {{ .StartsAt.Format "2006-01-02 15:04:05 MST" }}</span>
{{- else }} <span style="font-size:12px;font-weight:600;color:#047857;">resolved at {{ .EndsAt.Format "2006-01-02 15:04:05 MST" }}</span>{{ end }}</div>
{{- with .Annotations.summary }}
<p style="margin:0 0 8px 0;font-size:14px;color:#374151;">{{ . }}</p>
{{- end }}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:13px;">
<tr><td colspan="2" style="padding:4px 0;font-weight:600;color:#6b7280;">Labels</td></tr>
{{- range .Labels.SortedPairs }}
<tr><td style="padding:2px 12px 2px 0;color:#6b7280;white-space:nowrap;vertical-align:top;">{{ .Name }}</td><td style="padding:2px 0;color:#111827;font-family:Menlo,Consolas,monospace;">{{ .Value }}</td></tr>
{{- end }}
{{- if .Annotations }}
<tr><td colspan="2" style="padding:8px 0 4px 0;font-weight:600;color:#6b7280;">Annotations</td></tr>
{{- range .Annotations.SortedPairs }}
<tr><td style="padding:2px 12px 2px 0;color:#6b7280;white-space:nowrap;vertical-align:top;">{{ .Name }}</td><td style="padding:2px 0;color:#111827;">{{ .Value }}</td></tr>
{{- end }}
{{- end }}
</table>
{{- if .GeneratorURL }}
<p style="margin:10px 0 0 0;font-size:13px;"><a href="{{ .GeneratorURL }}" style="color:#2563eb;text-decoration:underline;">Source</a></p>
{{- end }}
</td></tr>
{{- end }}

{{- define "__klaxon_email_section_html" -}}
<tr><td style="padding:14px 24px 6px 24px;background:{{ .Background }};font-size:13px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:{{ .Color }};">{{ .Title }}</td></tr>
{{- range .Alerts }}
{{ template "__klaxon_email_alert_html" . }}
{{- end }}
{{- end }}

{{- define "email.default.html" -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="color-scheme" content="light">
<title>{{ template "__subject" . }}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;color:#111827;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background:#ffffff;border:1px solid #e5e7eb;border-radius:6px;border-collapse:separate;">
{{- if eq .Status "firing" }}
<tr><td style="padding:20px 24px;background:#b91c1c;border-radius:6px 6px 0 0;color:#ffffff;font-size:20px;font-weight:700;">{{ len .Alerts.Firing }} alert{{ if ne (len .Alerts.Firing) 1 }}s{{ end }} firing{{ with .Alerts.Resolved }}, {{ len . }} resolved{{ end }}</td></tr>
{{- else }}
<tr><td style="padding:20px 24px;background:#047857;border-radius:6px 6px 0 0;color:#ffffff;font-size:20px;font-weight:700;">{{ len .Alerts.Resolved }} alert{{ if ne (len .Alerts.Resolved) 1 }}s{{ end }} resolved</td></tr>
{{- end }}
<tr><td style="padding:16px 24px 4px 24px;font-size:14px;color:#374151;">
{{- if .GroupLabels }}Grouped by
{{- range .GroupLabels.SortedPairs }} <span style="display:inline-block;margin:2px 4px 2px 0;padding:2px 8px;background:#f3f4f6;border:1px solid #e5e7eb;border-radius:12px;font-family:Menlo,Consolas,monospace;font-size:12px;">{{ .Name }}={{ .Value }}</span>{{ end }}
{{- else }}Alerts not grouped by any label{{ end }}</td></tr>
<tr><td style="padding:12px 24px 20px 24px;"><a href="{{ template "__alertmanagerURL" . }}" style="display:inline-block;padding:8px 16px;background:#1f2937;border-radius:4px;color:#ffffff;font-size:14px;font-weight:600;text-decoration:none;">View in Alertmanager</a></td></tr>
{{- with .Alerts.Firing }}
{{ template "__klaxon_email_section_html" (dict "Title" "Firing" "Color" "#b91c1c" "Background" "#fef2f2" "Alerts" .) }}
{{- end }}
{{- with .Alerts.Resolved }}
{{ template "__klaxon_email_section_html" (dict "Title" "Resolved" "Color" "#047857" "Background" "#ecfdf5" "Alerts" .) }}
{{- end }}
<tr><td style="padding:14px 24px;border-top:1px solid #e5e7eb;font-size:12px;color:#9ca3af;">Sent by Klaxon &middot; <a href="{{ .ExternalURL }}" style="color:#9ca3af;">{{ .ExternalURL }}</a></td></tr>
</table>
</td></tr>
</table>
</body>
</html>
{{- end }}

{{- define "email.default.text" -}}
{{ template "__subject" . }}{{ "\n\n" }}
{{- with .Alerts.Firing }}Firing:{{ "\n" }}{{ template "__text_alert_list" . }}{{ "\n" }}{{ end }}
{{- with .Alerts.Resolved }}Resolved:{{ "\n" }}{{ template "__text_alert_list" . }}{{ "\n" }}{{ end -}}
View in Alertmanager: {{ template "__alertmanagerURL" . }}{{ "\n" }}
{{- end }}
`;
