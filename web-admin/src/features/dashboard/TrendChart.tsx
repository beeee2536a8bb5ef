// Satisfaction by month: responses as bars, average score and satisfied rate as lines (0–10).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { trendChartOption, type MonthFigure } from './dashboardModel';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function TrendChart({
  months,
  labels,
}: {
  months: readonly MonthFigure[];
  labels: { responses: string; average: string; satisfied: string };
}) {
  const option = useMemo(() => trendChartOption(months, labels), [months, labels]);
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge lazyUpdate />;
}
