// Klaxon's shared default templates: the subject line, the Alertmanager link and the plain-text
// alert list that the notifier defaults build on. Their output is byte-identical to
// Alertmanager's defaults; the template text is our own.
export const SHARED_TEMPLATES = String.raw`
{{- define "__alertmanager" }}Alertmanager{{ end }}

{{- define "__alertmanagerURL" -}}
  {{ .ExternalURL }}/#/alerts?receiver={{ urlquery .Receiver }}
{{- end }}

{{- /* [STATUS(:firing count)] group label values (the other common label values) */ -}}
{{- define "__subject" -}}
  [{{ toUpper .Status }}{{ if eq .Status "firing" }}:{{ len .Alerts.Firing }}{{ end }}]
  {{- " " }}{{ join " " .GroupLabels.SortedPairs.Values }}
  {{- " " }}{{ if gt (len .CommonLabels) (len .GroupLabels) -}}
    ({{ with .CommonLabels.Remove .GroupLabels.Names }}{{ join " " .Values }}{{ end }})
  {{- end }}
{{- end }}

{{- define "__description" }}{{ end }}

{{- /* One block per alert: its labels, its annotations and its source link. */ -}}
{{- define "__text_alert_list" -}}
  {{ range . -}}
    Labels:{{ "\n" }}
    {{- range .Labels.SortedPairs }} - {{ .Name }} = {{ .Value }}{{ "\n" }}{{ end -}}
    Annotations:{{ "\n" }}
    {{- range .Annotations.SortedPairs }} - {{ .Name }} = {{ .Value }}{{ "\n" }}{{ end -}}
    Source: {{ .GeneratorURL }}{{ "\n" }}
  {{- end }}
{{- end }}

{{- /* The alert list as Markdown (Teams, Jira): blank lines around each block, indented items. */ -}}
{{- define "__text_alert_list_markdown" -}}
  {{ range . }}{{ "\n" -}}
    Labels:{{ "\n" }}
    {{- range .Labels.SortedPairs }}  - {{ .Name }} = {{ .Value }}{{ "\n" }}{{ end }}{{ "\n" -}}
    Annotations:{{ "\n" }}
    {{- range .Annotations.SortedPairs }}  - {{ .Name }} = {{ .Value }}{{ "\n" }}{{ end }}{{ "\n" -}}
    Source: {{ .GeneratorURL }}{{ "\n" }}
  {{- end }}{{ "\n" }}
{{- end }}

{{- /* Markdown sections with headings (Teams, Jira). */ -}}
{{- define "__klaxon_markdown_sections" -}}
  {{ "\n" }}
  {{- if gt (len .Alerts.Firing) 0 }}{{ "\n" -}}
    # Alerts Firing:{{ "\n" }}
    {{- template "__text_alert_list_markdown" .Alerts.Firing }}{{ "\n" }}
  {{- end }}
  {{- "\n" }}
  {{- if gt (len .Alerts.Resolved) 0 }}{{ "\n" -}}
    # Alerts Resolved:{{ "\n" }}
    {{- template "__text_alert_list_markdown" .Alerts.Resolved }}{{ "\n" }}
  {{- end }}
  {{- "\n" }}
{{- end }}

{{- /* Common annotations, then the firing and the resolved alerts. */ -}}
{{- define "__klaxon_alert_sections" -}}
  {{ if gt (len .Alerts.Firing) 0 -}}
    Alerts Firing:{{ "\n" }}
    {{- template "__text_alert_list" .Alerts.Firing }}
  {{- end }}
  {{- "\n" }}
  {{- if gt (len .Alerts.Resolved) 0 -}}
    Alerts Resolved:{{ "\n" }}
    {{- template "__text_alert_list" .Alerts.Resolved }}
  {{- end }}
{{- end }}

{{- /* The same sections, each surrounded by blank lines (pushover, sns, telegram, discord, webex). */ -}}
{{- define "__klaxon_alert_sections_spaced" -}}
  {{ if gt (len .Alerts.Firing) 0 }}{{ "\n" -}}
    Alerts Firing:{{ "\n" }}
    {{- template "__text_alert_list" .Alerts.Firing }}{{ "\n" }}
  {{- end }}
  {{- "\n" }}
  {{- if gt (len .Alerts.Resolved) 0 }}{{ "\n" -}}
    Alerts Resolved:{{ "\n" }}
    {{- template "__text_alert_list" .Alerts.Resolved }}{{ "\n" }}
  {{- end }}
  {{- "\n" }}
{{- end }}
`;
