// The sentence a result carries when the profile set namespaces aside: what was left out, where, and the profile's reason.
import type { CheckParameters } from '../../model/check.js';
import { t, type Text } from '../../model/text.js';

/** "3 containers in kube-system excluded: <the profile's reason>"; `what` is already counted in both languages. */
export function exclusionNote(
  whatZh: string,
  whatEn: string,
  namespaces: string,
  params: CheckParameters,
): Text {
  const why = params.systemNamespacesReason;
  return t(
    `配置文件排除的命名空间（${namespaces}）中的 ${whatZh}未计入${why ? `，理由：${why.zh}` : ''}`,
    `${whatEn} in namespaces the profile sets aside (${namespaces}) excluded${why ? `: ${why.en}` : ''}`,
  );
}
