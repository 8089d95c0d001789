// Default texts of each integration, under Alertmanager's template names so that user
// templates calling them keep working.
export const NOTIFIER_TEMPLATES = String.raw`
{{- define "slack.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "slack.default.username" }}{{ template "__alertmanager" . }}{{ end }}
{{- define "slack.default.fallback" }}{{ template "slack.default.title" . }} | {{ template "slack.default.titlelink" . }}{{ end }}
{{- define "slack.default.callbackid" }}{{ end }}
{{- define "slack.default.pretext" }}{{ end }}
{{- define "slack.default.titlelink" }}{{ template "__alertmanagerURL" . }}{{ end }}
{{- define "slack.default.iconemoji" }}{{ end }}
{{- define "slack.default.iconurl" }}{{ end }}
{{- define "slack.default.text" }}{{ end }}
{{- define "slack.default.footer" }}{{ end }}

{{- define "pagerduty.default.description" }}{{ template "__subject" . }}{{ end }}
{{- define "pagerduty.default.client" }}{{ template "__alertmanager" . }}{{ end }}
{{- define "pagerduty.default.clientURL" }}{{ template "__alertmanagerURL" . }}{{ end }}
{{- define "pagerduty.default.instances" }}{{ template "__text_alert_list" . }}{{ end }}

{{- define "opsgenie.default.message" }}{{ template "__subject" . }}{{ end }}
{{- define "opsgenie.default.description" -}}
  {{ join " " .CommonAnnotations.SortedPairs.Values }}{{ "\n" }}
  {{- template "__klaxon_alert_sections" . }}
{{- end }}
{{- define "opsgenie.default.source" }}{{ template "__alertmanagerURL" . }}{{ end }}

{{- define "wechat.default.message" -}}
  {{ template "__subject" . }}{{ "\n" }}
  {{- join " " .CommonAnnotations.SortedPairs.Values }}{{ "\n" }}
  {{- template "__klaxon_alert_sections" . }}{{ "\n" -}}
  AlertmanagerUrl:{{ "\n" }}
  {{- template "__alertmanagerURL" . }}
{{- end }}
{{- define "wechat.default.to_user" }}{{ end }}
{{- define "wechat.default.to_party" }}{{ end }}
{{- define "wechat.default.to_tag" }}{{ end }}
{{- define "wechat.default.agent_id" }}{{ end }}

{{- define "victorops.default.state_message" -}}
  {{ join " " .CommonAnnotations.SortedPairs.Values }}{{ "\n" }}
  {{- template "__klaxon_alert_sections" . }}
{{- end }}
{{- define "victorops.default.entity_display_name" }}{{ template "__subject" . }}{{ end }}
{{- define "victorops.default.monitoring_tool" }}{{ template "__alertmanager" . }}{{ end }}

{{- define "pushover.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "pushover.default.message" -}}
  {{ join " " .CommonAnnotations.SortedPairs.Values }}{{ "\n" }}
  {{- template "__klaxon_alert_sections_spaced" . }}
{{- end }}
{{- define "pushover.default.url" }}{{ template "__alertmanagerURL" . }}{{ end }}

{{- define "sns.default.subject" }}{{ template "__subject" . }}{{ end }}
{{- define "sns.default.message" -}}
  {{ join " " .CommonAnnotations.SortedPairs.Values }}{{ "\n" }}
  {{- template "__klaxon_alert_sections_spaced" . }}
{{- end }}

{{- define "telegram.default.message" }}{{ "\n" }}{{ template "__klaxon_alert_sections_spaced" . }}{{ end }}

{{- define "discord.default.content" }}{{ end }}
{{- define "discord.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "discord.default.message" }}{{ "\n" }}{{ template "__klaxon_alert_sections_spaced" . }}{{ end }}

{{- define "webex.default.message" -}}
  {{ join " " .CommonAnnotations.SortedPairs.Values }}{{ "\n" }}
  {{- template "__klaxon_alert_sections_spaced" . }}
{{- end }}

{{- define "msteams.default.summary" }}{{ template "__subject" . }}{{ end }}
{{- define "msteams.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "msteams.default.text" }}{{ template "__klaxon_markdown_sections" . }}{{ end }}

{{- define "msteamsv2.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "msteamsv2.default.text" }}{{ template "__klaxon_markdown_sections" . }}{{ end }}

{{- define "jira.default.summary" }}{{ template "__subject" . }}{{ end }}
{{- define "jira.default.description" }}{{ template "__klaxon_markdown_sections" . }}{{ end }}
{{- /* Highest severity among firing alerts (else resolved ones): critical High, warning Medium, info Low. */ -}}
{{- define "jira.default.priority" -}}
  {{- $found := "" -}}
  {{- range $set := list .Alerts.Firing .Alerts.Resolved -}}
    {{- if not $found -}}
      {{- range $set -}}
        {{- $sev := .Labels.severity -}}
        {{- if eq $sev "critical" }}{{ $found = "High" }}
        {{- else if and (eq $sev "warning") (ne $found "High") }}{{ $found = "Medium" }}
        {{- else if and (eq $sev "info") (not $found) }}{{ $found = "Low" }}{{ end -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
  {{ $found }}
{{- end }}

{{- define "rocketchat.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "rocketchat.default.alias" }}{{ template "__alertmanager" . }}{{ end }}
{{- define "rocketchat.default.titlelink" }}{{ template "__alertmanagerURL" . }}{{ end }}
{{- define "rocketchat.default.emoji" }}{{ end }}
{{- define "rocketchat.default.iconurl" }}{{ end }}
{{- define "rocketchat.default.text" }}{{ end }}

{{- define "email.default.subject" }}{{ template "__subject" . }}{{ end }}
`;
